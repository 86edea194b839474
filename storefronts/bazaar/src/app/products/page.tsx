import { listingMetadata, parseListing } from '@souk/storefront-kit';
import { redirectEmptyFields } from '@souk/storefront-kit/server';
import type { Metadata } from 'next';
import { ProductListing } from '@/components/ProductListing';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const state = parseListing(await searchParams);
  const title = state.q ? `Search: ${state.q}` : 'All products';
  return listingMetadata('/products', state, {}, title, 'Browse products from every seller on Bazaar.');
}

export default async function ProductsPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  redirectEmptyFields('/products', raw);
  const state = parseListing(raw);
  return (
    <ProductListing path="/products" state={state} heading={state.q ? 'Search results' : 'All products'} />
  );
}
