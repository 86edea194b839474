/** A GET search of the shop (`/products?q=`): a Server Component, it works before any script loads. */
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
        <input id={id} name="q" type="search" placeholder={placeholder} autoComplete="off" />
      </form>
    </search>
  );
}
