import { listingHref, listingMetadata, parseListing, type RawParams } from '@souk/storefront-kit';
import { redirectEmptyFields } from '@souk/storefront-kit/server';
import type { Metadata } from 'next';
import { permanentRedirect } from 'next/navigation';
import { Listing } from '@/components/Listing';

type Props = { searchParams: Promise<RawParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const state = parseListing(await searchParams);
  const title = state.q ? `“${state.q}”` : 'Shop everything';
  return listingMetadata('/products', state, {}, title, 'Every piece from every maker on Atelier.');
}

export default async function ProductsPage({ searchParams }: Props) {
  const raw = await searchParams;
  const state = parseListing(raw);
  // One maker's pieces have their page, with the maker's name and story over them (a search stays here).
  if (state.seller && !state.q) {
    permanentRedirect(
      listingHref(`/makers/${encodeURIComponent(state.seller)}`, state, { seller: state.seller }),
    );
  }
  redirectEmptyFields('/products', raw);
  return state.q ? (
    <Listing path="/products" state={state} eyebrow="Search" heading={`“${state.q}”`} search={state.q} />
  ) : (
    <Listing
      path="/products"
      state={state}
      eyebrow="The collection"
      heading="Shop everything"
      intro="Every piece from every maker, in one place. Made in small batches; shipped by the people who made it."
    />
  );
}
