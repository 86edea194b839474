'use client';

import { SearchQueryInput } from '@souk/storefront-kit/client';

/**
 * A GET search of the shop (`/products?q=`): it works before any script loads; once it has, it shows
 * the words searched for on the search page and suggests products as the shopper types. A client
 * module: a Server Component importing the kit's input from its client barrel would bring every client
 * component of the kit into every page's JavaScript (5.9 KB gzip); a client module gets only what it
 * uses.
 */
export function SearchForm({
  id,
  className,
  placeholder,
}: {
  /** The input's id (a page has two: the header's and the menu's). */
  id: string;
  className: string;
  placeholder: string;
}) {
  return (
    <search className={className}>
      <form action="/products" method="get">
        <label htmlFor={id} className="visually-hidden">
          Search the shop
        </label>
        <SearchQueryInput
          id={id}
          placeholder={placeholder}
          autoComplete="off"
          suggest="/search/suggestions"
        />
      </form>
    </search>
  );
}
