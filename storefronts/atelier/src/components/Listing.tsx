import type { ProductList } from '@souk/sdk';
import { isSoukError } from '@souk/sdk';
import {
  effectiveSort,
  type ListingState,
  listingHref,
  paginate,
  shopperFilters,
  sortChoices,
  sortLabels,
  toProductQuery,
  withoutPosition,
} from '@souk/storefront-kit';
import type { ReactNode } from 'react';
import { store } from '@/lib/store';
import { ProductGrid } from './ProductCard';
import { QuickViewHost } from './QuickViewHost';
import { Refine } from './Refine';
import { NewIn } from './Related';

/** Loads one page of products; a stale or foreign cursor starts over at the first page. */
async function loadPage(
  state: ListingState,
  currency: string,
): Promise<{ page: ProductList; reset: boolean }> {
  try {
    return { page: await store.souk.store.products.list(toProductQuery(state, currency, 24)), reset: false };
  } catch (err) {
    if (!isSoukError(err, 'invalid_cursor') || !state.cursor) throw err;
    const page = await store.souk.store.products.list(toProductQuery(withoutPosition(state), currency, 24));
    return { page, reset: true };
  }
}

/**
 * An editorial listing: a large heading and intro, sort links as tabs, the grid, then numbered pages
 * (every page reached so far, and "Next"; the API's cursors only go forward, the kit keeps the trail).
 */
export async function Listing({
  path,
  state,
  fixed = {},
  eyebrow,
  heading,
  intro,
  about,
  search,
}: {
  path: string;
  state: ListingState;
  fixed?: Partial<ListingState>;
  /** Above the heading: what kind of page, or the parent category's link. */
  eyebrow: ReactNode;
  heading: string;
  intro?: string;
  /** Drawn between the heading and the sort links (a maker's story, a category's neighbours). */
  about?: ReactNode;
  /** The words searched for: a phone, whose header has no search box, gets one holding them. */
  search?: string;
}) {
  const currency = await store.getCurrency();
  const [{ page, reset }, makers] = await Promise.all([loadPage(state, currency), store.getSellerOptions()]);
  const shown = reset ? withoutPosition(state) : state;
  const links = paginate(path, shown, page.next_cursor, fixed);
  const base = withoutPosition(shown);
  const shownSort = effectiveSort(state);
  // The filters the shopper set (a maker's page's own maker is not one), and the page without them.
  const { count: filters, without } = shopperFilters(shown, fixed);
  const clearHref = listingHref(path, without, fixed);
  return (
    <div className="listing">
      <header className="listing__head">
        <p className="eyebrow">{eyebrow}</p>
        <h1>{heading}</h1>
        {intro && <p className="listing__intro">{intro}</p>}
        {search !== undefined && (
          <search className="listing__search">
            <form action="/products" method="get">
              <label htmlFor="listing-search" className="visually-hidden">
                Change your search
              </label>
              <input id="listing-search" name="q" type="search" defaultValue={search} autoComplete="off" />
              <button type="submit" className="btn">
                Search
              </button>
            </form>
          </search>
        )}
      </header>
      {about}
      <div className="listing__tools">
        <nav className="sorts" aria-label="Sort by">
          <ul>
            {sortChoices(state).map((key) => (
              <li key={key}>
                <a
                  href={listingHref(path, { ...base, sort: key }, fixed)}
                  aria-current={key === shownSort ? 'true' : undefined}
                >
                  {sortLabels[key]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <Refine
          path={path}
          state={shown}
          fixed={fixed}
          makers={makers}
          currency={currency}
          filters={filters}
          clearHref={clearHref}
        />
      </div>
      {reset && <p className="notice">That page link has expired, so here is the first page.</p>}
      {page.data.length === 0 ? (
        <>
          <p className="empty" data-testid="no-results">
            {filters > 0 ? (
              <>
                No pieces match these filters. <a href={clearHref}>Clear them</a>
              </>
            ) : state.q ? (
              <>
                Nothing matches “{state.q}”. Try another word, or <a href="/products">see everything</a>.
              </>
            ) : (
              <>
                Nothing here yet. <a href="/products">See everything</a>
              </>
            )}
          </p>
          {/* A search that found nothing is not the end of the visit: the newest pieces to buy instead. */}
          {state.q && filters === 0 && <NewIn currency={currency} />}
        </>
      ) : (
        <>
          <QuickViewHost />
          <ProductGrid products={page.data} priorityCount={2} />
        </>
      )}
      {(links.previous || links.next) && (
        <nav className="pages" aria-label="Pages">
          {links.previous ? (
            <a href={links.previous} rel="prev" className="pages__step" data-testid="previous-page">
              ← Previous
            </a>
          ) : (
            <span className="pages__step" aria-hidden="true" />
          )}
          <ol>
            {links.pages.map((p) => (
              <li key={p.number}>
                <a
                  href={p.href}
                  aria-current={p.number === links.page ? 'page' : undefined}
                  aria-label={`Page ${p.number}`}
                >
                  {p.number}
                </a>
              </li>
            ))}
          </ol>
          {links.next ? (
            <a href={links.next} rel="next" className="pages__step" data-testid="next-page">
              Next →
            </a>
          ) : (
            <span className="pages__step" aria-hidden="true" />
          )}
        </nav>
      )}
    </div>
  );
}
