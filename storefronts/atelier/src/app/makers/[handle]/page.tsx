import { isSoukError } from '@souk/sdk';
import { listingMetadata, parseListing, type RawParams } from '@souk/storefront-kit';
import { redirectEmptyFields } from '@souk/storefront-kit/server';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { Listing } from '@/components/Listing';
import { MakerAbout } from '@/components/MakerAbout';
import { store } from '@/lib/store';

type Props = { params: Promise<{ handle: string }>; searchParams: Promise<RawParams> };

/**
 * The maker (`seller`) and their page (profile and rating), or null when no active seller has that
 * handle. The page lives in the document store: while that cannot be read, `page` is null and the
 * maker's pieces are shown without it.
 */
const maker = cache(async (handle: string) => {
  const idOrHandle = decodeURIComponent(handle);
  try {
    // No retries: while the document store is down the maker is shown at once, without their page.
    const page = await store.souk.store.sellers.page(idOrHandle, { maxRetries: 0 });
    return { seller: page.seller, page };
  } catch (err) {
    if (isSoukError(err, 'not_found')) return null;
    if (!isSoukError(err, 'service_unavailable')) throw err;
  }
  try {
    return { seller: await store.souk.store.sellers.get(idOrHandle), page: null };
  } catch (err) {
    if (isSoukError(err, 'not_found')) return null;
    throw err;
  }
});

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const found = await maker((await params).handle);
  if (!found) return { title: 'Not found' };
  const { seller } = found;
  const fixed = { seller: seller.handle };
  return listingMetadata(
    `/makers/${seller.handle}`,
    parseListing(await searchParams, fixed),
    fixed,
    seller.name,
    seller.description ?? `Pieces made by ${seller.name}, on Atelier.`,
  );
}

/** A maker's pieces, under what the maker wrote about themselves. */
export default async function MakerPage({ params, searchParams }: Props) {
  const found = await maker((await params).handle);
  if (!found) notFound();
  const { seller, page } = found;
  const fixed = { seller: seller.handle };
  const path = `/makers/${seller.handle}`;
  const raw = await searchParams;
  redirectEmptyFields(path, raw);
  return (
    <Listing
      path={path}
      state={parseListing(raw, fixed)}
      fixed={fixed}
      eyebrow="Maker"
      heading={seller.name}
      intro={seller.description ?? undefined}
      about={page && <MakerAbout page={page} />}
    />
  );
}
