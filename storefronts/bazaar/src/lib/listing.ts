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
}

type RawParams = Record<string, string | string[] | undefined>;

function one(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  const trimmed = v?.trim();
  return trimmed ? trimmed.slice(0, 200) : undefined;
}

function isSort(value: string | undefined): value is Sort {
  return value !== undefined && value in sortLabels;
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
  // `relevance` ranks by the search terms, so it needs `q` (the API answers 400 query_required).
  if (isSort(sort) && (sort !== 'relevance' || state.q)) state.sort = sort;
  const cursor = one(params.cursor);
  if (cursor) state.cursor = cursor;
  return state;
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
  for (const key of ['q', 'category', 'seller', 'min', 'max', 'sort', 'cursor'] as const) {
    const value = state[key];
    if (value && fixed[key] === undefined) params.set(key, value);
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
