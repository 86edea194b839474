import { hash } from 'node:crypto';
import { AppError, type FieldError } from '../errors.js';

/** Where a page ended: the sort key of its last row and that row's id. */
export type Keyset = { sortKey: number | string; id: string };

/** A short fingerprint of the filters and sort a cursor belongs to. */
export function fingerprint(parts: readonly unknown[]): string {
  return hash('sha256', JSON.stringify(parts), 'base64url').slice(0, 16);
}

/** Encodes where a page ended as an opaque string; the fingerprint ties it to its query. */
export function encodeCursor(keyset: Keyset, fp: string): string {
  return Buffer.from(JSON.stringify({ v: 1, k: keyset.sortKey, i: keyset.id, f: fp })).toString('base64url');
}

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** The largest amount in minor units the API represents (the spec's `MinorUnits` maximum). */
const MAX_MINOR_UNITS = 999_999_999_999;
/** Ids are a prefix and base62 (`prod_…`, `sel_…`); nothing else can have ended a page. */
const ID = /^[A-Za-z0-9_]{1,100}$/;

/**
 * Sort-key checks for the common keyset orders. Each admits only what the SQL comparison can take:
 * a forged key that passes here must not reach the database as an out-of-range value.
 */
export const isIsoTimestamp = (k: unknown) =>
  typeof k === 'string' &&
  ISO_MS.test(k) &&
  !k.startsWith('0000') && // PostgreSQL has no year zero
  // Round-trips exactly: refuses 2026-02-31 (which Date rolls over) and 24:00.
  !Number.isNaN(Date.parse(k)) &&
  new Date(k).toISOString() === k;
/** A relevance rank, compared as a PostgreSQL `real`: 0 or a normal float4 magnitude. */
export const isRank = (k: unknown) => typeof k === 'number' && (k === 0 || (k >= 1e-37 && k <= 1e37));
export const isMinorUnits = (k: unknown) =>
  typeof k === 'number' && Number.isSafeInteger(k) && k >= 0 && k <= MAX_MINOR_UNITS;

/**
 * Decodes a cursor made by `encodeCursor` for the same query. Anything else — corrupt, forged
 * with the wrong key type, or made for other filters — is a 400 `invalid_cursor` on `field`.
 */
export function decodeCursor(
  cursor: string,
  fp: string,
  validKey: (k: unknown) => boolean,
  field: Pick<FieldError, 'in' | 'field'>,
): Keyset {
  const invalid = (detail: string) =>
    new AppError('invalid_cursor', detail, { errors: [{ ...field, message: detail }] });
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('The cursor is not one this API issued.');
  }
  if (typeof payload !== 'object' || payload === null)
    throw invalid('The cursor is not one this API issued.');
  const { v, k, i, f } = payload as Record<string, unknown>;
  if (v !== 1 || typeof i !== 'string' || !ID.test(i)) {
    throw invalid('The cursor is not one this API issued.');
  }
  if (f !== fp)
    throw invalid('The cursor was issued for other filters or another sort; start again without it.');
  if (!validKey(k)) throw invalid('The cursor is not one this API issued.');
  return { sortKey: k as string | number, id: i };
}

/**
 * One page of a newest-first keyset listing (`created_at DESC, id DESC`): decodes the cursor (bound
 * to `scope`, so it only works for the listing that made it), fetches one row more than asked to learn
 * whether another page exists without counting, and makes the cursor of the next page.
 */
export async function newestFirstPage<R extends { id: string; created_at: Date }>(
  input: { limit?: number | undefined; cursor?: string | undefined },
  scope: readonly unknown[],
  fetch: (after: Keyset | undefined, limit: number) => Promise<R[]>,
): Promise<{ rows: R[]; next_cursor: string | null }> {
  const limit = input.limit ?? 20;
  const fp = fingerprint(scope);
  const after =
    input.cursor === undefined
      ? undefined
      : decodeCursor(input.cursor, fp, isIsoTimestamp, { in: 'query', field: 'cursor' });
  const rows = await fetch(after, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page,
    next_cursor:
      rows.length > limit && last
        ? encodeCursor({ sortKey: last.created_at.toISOString(), id: last.id }, fp)
        : null,
  };
}
