import type { QueryParams } from '@souk/sdk';
import { toMinorUnits } from './money';

export type ProductQuery = QueryParams<'listStoreProducts'>;
export type Sort = NonNullable<ProductQuery['sort']>;

export const sortLabels: Record<Sort, string> = {
  relevance: 'Best match',
  newest: 'Newest',
  price_asc: 'Price: low to high',
  price_desc: 'Price: high to low',
  rating: 'Best rated',
};

/** How many earlier pages a listing URL remembers for "Previous" (the cursors are keyset, forward only). */
export const MAX_TRAIL = 40;

/** What a listing URL asks for, normalised: the same filters always give the same URL. */
export interface ListingState {
  q?: string;
  category?: string;
  seller?: string;
  /** Major units as typed ("25"), kept for the form. */
  min?: string;
  max?: string;
  sort?: Sort;
  cursor?: string;
  /**
   * The cursors of the pages before this one, oldest first (page 1 has none). The API's cursors only
   * go forward, so "Previous" is the last of these and the page number is `back.length + 2`.
   */
  back?: string[];
}

export type RawParams = Record<string, string | string[] | undefined>;

function one(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  const trimmed = v?.trim();
  return trimmed ? trimmed.slice(0, 200) : undefined;
}

function many(value: string | string[] | undefined): string[] {
  const all = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return all
    .map((v) => v.trim().slice(0, 200))
    .filter(Boolean)
    .slice(-MAX_TRAIL);
}

function isSort(value: string | undefined): value is Sort {
  return value !== undefined && value in sortLabels;
}

/** A listing's own URL parameters, in the order `listingHref` writes them (the trail, `back`, last). */
const keys = ['q', 'category', 'seller', 'min', 'max', 'sort', 'cursor'] as const;
const LISTING_KEYS: ReadonlySet<string> = new Set([...keys, 'back']);

/**
 * The query string (`?…`, or `''` when nothing is left) of a listing's params without its empty
 * fields, or null when it has none. A GET filter form sends every field, the blank ones too
 * (`?seller=&min=&max=100`); a listing redirects to this so that the address a shopper shares or
 * bookmarks names only what they chose. Other params (`utm_source`) and the order are kept.
 */
export function withoutEmptyFields(params: RawParams): string | null {
  const kept = new URLSearchParams();
  let dropped = false;
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      if (LISTING_KEYS.has(key) && v.trim() === '') dropped = true;
      else kept.append(key, v);
    }
  }
  if (!dropped) return null;
  const query = kept.toString();
  return query ? `?${query}` : '';
}

/** Reads a listing's search params; unknown or contradictory values are dropped, not passed on. */
export function parseListing(params: RawParams, fixed: Partial<ListingState> = {}): ListingState {
  const state: ListingState = {};
  const q = one(params.q);
  if (q) state.q = q;
  const category = fixed.category ?? one(params.category);
  if (category) state.category = category;
  const seller = fixed.seller ?? one(params.seller);
  if (seller) state.seller = seller;
  const min = one(params.min);
  if (min && toMinorUnits(min, 'USD') !== undefined) state.min = min;
  const max = one(params.max);
  if (max && toMinorUnits(max, 'USD') !== undefined) state.max = max;
  const sort = one(params.sort);
  if (isSort(sort) && sortChoices(state).includes(sort)) state.sort = sort;
  const cursor = one(params.cursor);
  if (cursor) {
    state.cursor = cursor;
    // A trail only means something on a page reached through a cursor.
    const back = many(params.back);
    if (back.length > 0) state.back = back;
  }
  return state;
}

/**
 * The sorts a listing can offer, in `sortLabels` order: `relevance` ranks by the search terms, so only
 * a search has it (the API answers 400 query_required without `q`).
 */
export function sortChoices(state: ListingState): Sort[] {
  return (Object.keys(sortLabels) as Sort[]).filter((s) => s !== 'relevance' || state.q);
}

/**
 * The order a listing is shown in: its `sort`, else the API's default for the query (`relevance` for
 * a search, `newest` otherwise), for marking the current choice in a sort control.
 */
export function effectiveSort(state: ListingState): Sort {
  return state.sort ?? (state.q ? 'relevance' : 'newest');
}

/** The API query for a listing state in a currency. */
export function toProductQuery(state: ListingState, currency: string, limit = 24): ProductQuery {
  const query: ProductQuery = { currency, limit };
  if (state.q) query.q = state.q;
  if (state.category) query.category = state.category;
  if (state.seller) query.seller = state.seller;
  const min = toMinorUnits(state.min, currency);
  if (min !== undefined) query.min_price = min;
  const max = toMinorUnits(state.max, currency);
  if (max !== undefined) query.max_price = max;
  if (state.sort) query.sort = state.sort;
  if (state.cursor) query.cursor = state.cursor;
  return query;
}

/** The URL of a listing state; `fixed` keys are part of the path (a category or seller page). */
export function listingHref(path: string, state: ListingState, fixed: Partial<ListingState> = {}): string {
  const params = new URLSearchParams();
  for (const key of keys) {
    const value = state[key];
    if (value && fixed[key] === undefined) params.set(key, value);
  }
  if (state.cursor) for (const cursor of state.back ?? []) params.append('back', cursor);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * The filters a shopper set on a listing: category, seller and price, not the search words, the order,
 * nor what the page itself fixes (a category page's category). `count` is how many are set, for a
 * "Filter (2)" control; `without` is the listing with none of them, at its first page.
 */
export function shopperFilters(
  state: ListingState,
  fixed: Partial<ListingState> = {},
): { count: number; without: ListingState } {
  const own = (key: 'category' | 'seller') => fixed[key] === undefined && Boolean(state[key]);
  const count = [own('category'), own('seller'), Boolean(state.min), Boolean(state.max)].filter(
    Boolean,
  ).length;
  const { category, seller, min: _min, max: _max, ...rest } = withoutPosition(state);
  const without: ListingState = { ...rest };
  if (fixed.category !== undefined && category) without.category = category;
  if (fixed.seller !== undefined && seller) without.seller = seller;
  return { count, without };
}

/** The filters of a state without its position (for the canonical URL and "clear position" links). */
export function withoutPosition(state: ListingState): ListingState {
  const { cursor: _cursor, back: _back, ...rest } = state;
  return rest;
}

/** Where "Previous", "Next" and "First page" of a listing lead, and which page this is. */
export interface Pagination {
  page: number;
  previous: string | null;
  next: string | null;
  first: string | null;
  /** Every page up to this one, numbered, for numbered page links (later pages are unknown until reached). */
  pages: { number: number; href: string }[];
}

/** Links of a listing page, given the API's `next_cursor` for it. */
export function paginate(
  path: string,
  state: ListingState,
  nextCursor: string | null,
  fixed: Partial<ListingState> = {},
): Pagination {
  const back = state.cursor ? (state.back ?? []) : [];
  const page = state.cursor ? back.length + 2 : 1;
  const base = withoutPosition(state);
  let previous: string | null = null;
  if (state.cursor) {
    const cursor = back.at(-1);
    previous = listingHref(path, cursor ? { ...base, cursor, back: back.slice(0, -1) } : base, fixed);
  }
  const next = nextCursor
    ? listingHref(
        path,
        {
          ...base,
          cursor: nextCursor,
          back: [...back, state.cursor ?? ''].filter(Boolean).slice(-MAX_TRAIL),
        },
        fixed,
      )
    : null;
  const pages = [{ number: 1, href: listingHref(path, base, fixed) }];
  const known = state.cursor ? [...back, state.cursor] : [];
  known.forEach((cursor, i) => {
    pages.push({
      number: i + 2,
      href: listingHref(path, { ...base, cursor, back: known.slice(0, i) }, fixed),
    });
  });
  return { page, previous, next, first: page > 2 ? listingHref(path, base, fixed) : null, pages };
}
