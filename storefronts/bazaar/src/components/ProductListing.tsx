import type { ProductList } from '@souk/sdk';
import { isSoukError } from '@souk/sdk';
import {
  type ListingState,
  paginate,
  shopperFilters,
  toProductQuery,
  withoutPosition,
} from '@souk/storefront-kit';
import { store } from '@/lib/store';
import { ListingFilters } from './ListingFilters';
import { ProductGrid } from './ProductCard';
import { NewArrivals } from './RelatedProducts';

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
    return { page: await store.souk.store.products.list(toProductQuery(state, currency)), reset: false };
  } catch (err) {
    if (!isSoukError(err, 'invalid_cursor') || !state.cursor) throw err;
    const rest = withoutPosition(state);
    return { page: await store.souk.store.products.list(toProductQuery(rest, currency)), reset: true };
  }
}

/**
 * A server-rendered, filterable product listing with keyset pagination: "Next" follows `next_cursor`,
 * "Previous" goes back along the trail of cursors the URL keeps (the kit's `paginate`).
 */
export async function ProductListing({
  path,
  state,
  fixed = {},
  heading,
  headingLevel = 'h1',
}: ListingProps) {
  const Heading = headingLevel;
  const currency = await store.getCurrency();
  const [{ page, reset }, categories, sellers] = await Promise.all([
    loadPage(state, currency),
    store.getCategories(),
    store.getSellerOptions(),
  ]);
  const links = paginate(path, reset ? withoutPosition(state) : state, page.next_cursor, fixed);
  // Filters the shopper set beside a search term (a page's own, such as its category, do not count).
  const filtered = shopperFilters(state, fixed).count > 0;

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
            <>
              <p className="empty" data-testid="no-results">
                {state.q && !filtered ? (
                  <>
                    {`Nothing matches “${state.q}”. Try another word, or `}
                    <a href={path}>clear the search</a>.
                  </>
                ) : (
                  <>
                    No products match these filters. <a href={path}>Clear filters</a>
                  </>
                )}
              </p>
              {/* A search that found nothing is not the end of the visit: the newest products instead. */}
              {state.q && !filtered && <NewArrivals currency={currency} />}
            </>
          ) : (
            <ProductGrid products={page.data} priorityCount={2} showSeller={!fixed.seller} />
          )}
          {(links.previous || links.next) && (
            <nav aria-label="Pagination" className="pagination">
              {links.previous ? (
                <a href={links.previous} rel="prev" className="button" data-testid="previous-page">
                  ← Previous
                </a>
              ) : (
                <span />
              )}
              <span className="pagination__page" aria-current="page">
                Page {links.page}
                {links.first && (
                  <>
                    {' · '}
                    <a href={links.first}>back to page 1</a>
                  </>
                )}
              </span>
              {links.next ? (
                <a href={links.next} rel="next" className="button" data-testid="next-page">
                  Next →
                </a>
              ) : (
                <span />
              )}
            </nav>
          )}
        </section>
      </div>
    </div>
  );
}
