import { SearchQueryInput } from '@souk/storefront-kit/client';

/** A GET search of the shop (`/products?q=`): it works before any script loads, and shows the words
 * searched for on the search page once it has. */
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
        <SearchQueryInput id={id} placeholder={placeholder} autoComplete="off" />
      </form>
    </search>
  );
}
