import { isSoukError, storefrontOperations } from '@souk/sdk';
import { listingMetadata, parseListing, reviewCount, sellerPolicies } from '@souk/storefront-kit';
import { redirectEmptyFields, SellerMarkdown } from '@souk/storefront-kit/server';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { ProductListing } from '@/components/ProductListing';
import { gql } from '@/lib/graphql';
import { souk } from '@/lib/souk';

type Props = {
  params: Promise<{ handle: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * Read through the GraphQL Storefront API (a typed, persisted operation): null when there is no such
 * seller. The seller's own page (story, policies) lives in the document store; while that cannot be
 * read, the seller is shown without it, from REST.
 */
const getSeller = cache(async (handle: string) => {
  const idOrHandle = decodeURIComponent(handle);
  try {
    return (await gql.request(storefrontOperations.SellerProfileDocument, { handle: idOrHandle })).seller;
  } catch (err) {
    if (!isSoukError(err, 'service_unavailable')) throw err;
    try {
      const seller = await souk.store.sellers.get(idOrHandle);
      return { ...seller, createdAt: seller.created_at, profile: null, rating: null };
    } catch (again) {
      if (isSoukError(again, 'not_found')) return null;
      throw again;
    }
  }
});

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { handle } = await params;
  const seller = await getSeller(handle);
  if (!seller) return { title: 'Seller not found' };
  const state = parseListing(await searchParams, { seller: seller.handle });
  const description = seller.description ?? `Products sold by ${seller.name} on Bazaar.`;
  return listingMetadata(
    `/sellers/${seller.handle}`,
    state,
    { seller: seller.handle },
    seller.name,
    description,
  );
}

export default async function SellerPage({ params, searchParams }: Props) {
  const { handle } = await params;
  const seller = await getSeller(handle);
  if (!seller) notFound();
  const fixed = { seller: seller.handle };
  const raw = await searchParams;
  redirectEmptyFields(`/sellers/${seller.handle}`, raw);
  const state = parseListing(raw, fixed);
  const since = new Date(seller.createdAt).toLocaleDateString('en-US', { year: 'numeric', month: 'long' });
  const story = seller.profile?.story ?? '';
  const promises = sellerPolicies(seller.profile?.policies ?? {});
  const average = seller.rating?.average;
  const count = seller.rating?.count ?? 0;
  return (
    <>
      <section className="seller-hero" aria-labelledby="seller-name">
        <p className="eyebrow">Seller</p>
        <h1 id="seller-name">{seller.name}</h1>
        {seller.description && <p>{seller.description}</p>}
        <p className="muted">
          Selling on Bazaar since {since}
          {average != null && (
            <>
              {' '}
              · rated {average.toFixed(1)} of 5 from {reviewCount(count)}
            </>
          )}
        </p>
        {(story || promises.length > 0) && (
          <div className="seller-hero__about" data-testid="seller-about">
            {story && (
              <div className="seller-hero__story">
                <SellerMarkdown text={story} />
              </div>
            )}
            {promises.length > 0 && (
              <dl className="seller-hero__policies">
                {promises.map(({ key, label, text }) => (
                  <div key={key}>
                    <dt>{label}</dt>
                    <dd>{text}</dd>
                  </div>
                ))}
              </dl>
            )}
          </div>
        )}
      </section>
      <ProductListing
        path={`/sellers/${seller.handle}`}
        state={state}
        fixed={fixed}
        heading={`Products by ${seller.name}`}
        headingLevel="h2"
      />
    </>
  );
}
