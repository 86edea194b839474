import { listingMetadata, parseListing, type RawParams } from '@souk/storefront-kit';
import type { Metadata } from 'next';
import { Listing } from '@/components/Listing';

type Props = { searchParams: Promise<RawParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const state = parseListing(await searchParams);
  const title = state.q ? `“${state.q}”` : 'Shop everything';
  return listingMetadata('/products', state, {}, title, 'Every piece from every maker on Atelier.');
}

export default async function ProductsPage({ searchParams }: Props) {
  const state = parseListing(await searchParams);
  return state.q ? (
    <Listing path="/products" state={state} eyebrow="Search" heading={`“${state.q}”`} />
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
