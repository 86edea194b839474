import type { ProductList } from '@souk/sdk';
import { isSoukError } from '@souk/sdk';
import Link from 'next/link';
import { getCurrency } from '@/lib/currency';
import { type ListingState, listingHref, toProductQuery } from '@/lib/listing';
import { getSellerOptions } from '@/lib/sellers';
import { getCategories, souk } from '@/lib/souk';
import { ListingFilters } from './ListingFilters';
import { ProductGrid } from './ProductCard';

export interface ListingProps {
  /** Path of the page ("/products", "/categories/boots"). */
  path: string;
  state: ListingState;
  /** Filters that are part of the path, not of the query string. */
  fixed?: Partial<ListingState>;
  heading: string;
  /** `h2` when the page already has its own `h1` (a seller page). */
  headingLevel?: 'h1' | 'h2';
}

/** Loads one page of products; a stale or foreign cursor starts over at the first page. */
async function loadPage(
  state: ListingState,
  currency: string,
): Promise<{ page: ProductList; reset: boolean }> {
  try {
    return { page: await souk.store.products.list(toProductQuery(state, currency)), reset: false };
  } catch (err) {
    if (!isSoukError(err, 'invalid_cursor') || !state.cursor) throw err;
    const { cursor: _dropped, ...rest } = state;
    return { page: await souk.store.products.list(toProductQuery(rest, currency)), reset: true };
  }
}

/** A server-rendered, filterable product listing with keyset pagination ("Next page" follows `next_cursor`). */
export async function ProductListing({
  path,
  state,
  fixed = {},
  heading,
  headingLevel = 'h1',
}: ListingProps) {
  const Heading = headingLevel;
  const currency = await getCurrency();
  const [{ page, reset }, categories, sellers] = await Promise.all([
    loadPage(state, currency),
    getCategories(),
    getSellerOptions(),
  ]);
  const nextHref = page.next_cursor ? listingHref(path, { ...state, cursor: page.next_cursor }, fixed) : null;
  const firstHref = state.cursor && !reset ? listingHref(path, { ...state, cursor: undefined }, fixed) : null;

  return (
    <div className="listing">
      <div className="listing__head">
        <Heading>{heading}</Heading>
        {state.q && <p className="listing__query">Results for “{state.q}”</p>}
      </div>
      <div className="listing__layout">
        <aside className="listing__filters">
          <ListingFilters
            action={path}
            state={state}
            categories={categories}
            sellers={sellers}
            currency={currency}
            hide={{ category: fixed.category !== undefined, seller: fixed.seller !== undefined }}
          />
        </aside>
        <section aria-labelledby="results-heading" className="listing__results">
          <h2 id="results-heading" className="visually-hidden">
            Products
          </h2>
          {reset && <p className="notice">That page link has expired, so here is the first page.</p>}
          {page.data.length === 0 ? (
            <p className="empty" data-testid="no-results">
              No products match these filters. <Link href={path}>Clear filters</Link>
            </p>
          ) : (
            <ProductGrid products={page.data} priorityCount={4} />
          )}
          <nav aria-label="Pagination" className="pagination">
            {firstHref && (
              <Link href={firstHref} rel="first">
                ← First page
              </Link>
            )}
            {nextHref && (
              <Link href={nextHref} rel="next" className="button" data-testid="next-page">
                Next page →
              </Link>
            )}
          </nav>
        </section>
      </div>
    </div>
  );
}
