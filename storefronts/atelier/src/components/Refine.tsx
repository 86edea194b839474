import type { Schemas } from '@souk/sdk';
import { type ListingState, toMajorUnits } from '@souk/storefront-kit';

/**
 * "Filter" beside the sort tabs: a disclosure holding a plain GET form (the maker, a price range in
 * the shown currency), so every filtered view has its own server-rendered URL and works without
 * JavaScript. The search words and the order shown ride along as hidden fields; a filter that is
 * part of the page (a maker's page) is not offered. The summary counts the filters set, and "Clear"
 * drops them, keeping the words and the order.
 */
export function Refine({
  path,
  state,
  fixed,
  makers,
  currency,
  filters,
  clearHref,
}: {
  path: string;
  state: ListingState;
  fixed: Partial<ListingState>;
  makers: Schemas['SellerSummary'][];
  currency: string;
  /** How many filters the shopper set, and the listing without them. */
  filters: number;
  clearHref: string;
}) {
  const ownMaker = fixed.seller === undefined;
  // One minor unit: 0.01 for dollars, 1 for yen.
  const step = toMajorUnits(1, currency);
  return (
    <details className="refine" data-testid="refine">
      <summary className="refine__toggle">
        Filter
        {filters > 0 && (
          <span className="refine__count">
            {filters}
            <span className="visually-hidden"> set</span>
          </span>
        )}
      </summary>
      <form action={path} method="get" className="refine__panel" aria-label="Filter pieces">
        {state.q && <input type="hidden" name="q" value={state.q} />}
        {fixed.category === undefined && state.category && (
          <input type="hidden" name="category" value={state.category} />
        )}
        {state.sort && <input type="hidden" name="sort" value={state.sort} />}
        {ownMaker && (
          <div className="refine__field">
            <label htmlFor="refine-maker">Maker</label>
            <select id="refine-maker" name="seller" defaultValue={state.seller ?? ''}>
              <option value="">Every maker</option>
              {makers.map((m) => (
                <option key={m.id} value={m.handle}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <fieldset className="refine__field refine__range">
          <legend>Price ({currency})</legend>
          <label htmlFor="refine-min" className="visually-hidden">
            Lowest price
          </label>
          <input
            id="refine-min"
            name="min"
            type="number"
            min={0}
            step={step}
            placeholder="From"
            defaultValue={state.min ?? ''}
          />
          <span aria-hidden="true">–</span>
          <label htmlFor="refine-max" className="visually-hidden">
            Highest price
          </label>
          <input
            id="refine-max"
            name="max"
            type="number"
            min={0}
            step={step}
            placeholder="To"
            defaultValue={state.max ?? ''}
          />
        </fieldset>
        <div className="refine__actions">
          <button type="submit" className="btn">
            Show pieces
          </button>
          {filters > 0 && <a href={clearHref}>Clear</a>}
        </div>
      </form>
    </details>
  );
}
