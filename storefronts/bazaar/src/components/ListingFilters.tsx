import type { Category, Schemas } from '@souk/sdk';
import { effectiveSort, type ListingState, sortChoices, sortLabels } from '@souk/storefront-kit';

/**
 * The filter form of a listing: a plain GET form, so every filtered view has a shareable,
 * server-rendered URL (and works without JavaScript). Fixed filters (the category of a category page)
 * are not shown.
 *
 * On a phone the form is folded into a "Filter and sort" disclosure, so the first screen shows
 * products rather than five fields; on wider screens the stylesheet keeps it open in the sidebar.
 * Folded, its fields are neither styled nor laid out while the page loads.
 */
export function ListingFilters({
  action,
  state,
  categories,
  sellers,
  currency,
  hide = {},
}: {
  action: string;
  state: ListingState;
  categories: Category[];
  sellers: Schemas['SellerSummary'][];
  currency: string;
  hide?: { category?: boolean; seller?: boolean };
}) {
  const active = [
    state.q,
    !hide.category && state.category,
    !hide.seller && state.seller,
    state.min,
    state.max,
  ].filter(Boolean).length;
  return (
    <details className="filters-panel">
      <summary className="filters-panel__toggle" data-testid="filters-toggle">
        Filter and sort{' '}
        {active > 0 && (
          <span className="filters-panel__count">
            {active}
            <span className="visually-hidden"> active</span>
          </span>
        )}
      </summary>
      <form action={action} method="get" className="filters" aria-label="Filter products">
        <div className="field">
          <label htmlFor="f-q">Search</label>
          <input id="f-q" name="q" type="search" defaultValue={state.q ?? ''} />
        </div>
        {!hide.category && (
          <div className="field">
            <label htmlFor="f-category">Category</label>
            <select id="f-category" name="category" defaultValue={state.category ?? ''}>
              <option value="">All categories</option>
              {categories.map((c) => (
                <option key={c.id} value={c.handle}>
                  {`${'\u00a0\u00a0'.repeat(c.depth)}${c.name}`}
                </option>
              ))}
            </select>
          </div>
        )}
        {!hide.seller && (
          <div className="field">
            <label htmlFor="f-seller">Seller</label>
            <select id="f-seller" name="seller" defaultValue={state.seller ?? ''}>
              <option value="">All sellers</option>
              {sellers.map((s) => (
                <option key={s.id} value={s.handle}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <fieldset className="field field--range">
          <legend>Price ({currency})</legend>
          <label htmlFor="f-min" className="visually-hidden">
            Minimum price
          </label>
          <input
            id="f-min"
            name="min"
            type="number"
            min={0}
            step="0.01"
            placeholder="Min"
            defaultValue={state.min ?? ''}
          />
          <span aria-hidden="true">–</span>
          <label htmlFor="f-max" className="visually-hidden">
            Maximum price
          </label>
          <input
            id="f-max"
            name="max"
            type="number"
            min={0}
            step="0.01"
            placeholder="Max"
            defaultValue={state.max ?? ''}
          />
        </fieldset>
        <div className="field">
          <label htmlFor="f-sort">Sort by</label>
          <select id="f-sort" name="sort" defaultValue={effectiveSort(state)}>
            {sortChoices(state).map((s) => (
              <option key={s} value={s}>
                {sortLabels[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Apply filters
        </button>
      </form>
    </details>
  );
}
