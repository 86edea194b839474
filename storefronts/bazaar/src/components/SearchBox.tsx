'use client';

import { SearchQueryInput } from '@souk/storefront-kit/client';

/**
 * The header's search form (a GET to `/products`, so it works before any script loads), holding the
 * words searched for on the search page and suggesting products as the shopper types. A client module
 * of the theme, not the kit's input imported by the Server Component header: a Server Component
 * importing from the kit's client barrel brings every client component of the kit into every page's
 * JavaScript (5.9 KB gzip), where a client module gets only what it uses.
 */
export function SearchBox() {
  return (
    <search className="search-form">
      <form action="/products" method="get">
        <label htmlFor="site-search" className="visually-hidden">
          Search products
        </label>
        <SearchQueryInput
          id="site-search"
          placeholder="Search products"
          autoComplete="off"
          suggest="/search/suggestions"
        />
        <button type="submit">Search</button>
      </form>
    </search>
  );
}
