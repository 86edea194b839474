import { isSoukError } from '@souk/sdk';
import { listingMetadata, parseListing, type RawParams } from '@souk/storefront-kit';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { Listing } from '@/components/Listing';
import { MakerAbout } from '@/components/MakerAbout';
import { store } from '@/lib/store';

type Props = { params: Promise<{ handle: string }>; searchParams: Promise<RawParams> };

/** The maker's page (profile and rating), or null when no active seller has that handle. */
const makerPage = cache(async (handle: string) => {
  try {
    return await store.souk.store.sellers.page(decodeURIComponent(handle));
  } catch (err) {
    if (isSoukError(err, 'not_found')) return null;
    throw err;
  }
});

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const page = await makerPage((await params).handle);
  if (!page) return { title: 'Not found' };
  const fixed = { seller: page.seller.handle };
  return listingMetadata(
    `/makers/${page.seller.handle}`,
    parseListing(await searchParams, fixed),
    fixed,
    page.seller.name,
    page.seller.description ?? `Pieces made by ${page.seller.name}, on Atelier.`,
  );
}

/** A maker's pieces, under what the maker wrote about themselves. */
export default async function MakerPage({ params, searchParams }: Props) {
  const page = await makerPage((await params).handle);
  if (!page) notFound();
  const fixed = { seller: page.seller.handle };
  return (
    <Listing
      path={`/makers/${page.seller.handle}`}
      state={parseListing(await searchParams, fixed)}
      fixed={fixed}
      eyebrow="Maker"
      heading={page.seller.name}
      intro={page.seller.description ?? undefined}
      about={<MakerAbout page={page} />}
    />
  );
}
