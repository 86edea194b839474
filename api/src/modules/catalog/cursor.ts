import { createHash } from 'node:crypto';
import { AppError, type FieldError } from '../../http/errors.js';
import type { Keyset, ProductSort } from './catalog.repository.js';

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A short fingerprint of the filters and sort a cursor belongs to. */
export function fingerprint(parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16);
}

/** Encodes where a page ended as an opaque string; the fingerprint ties it to its query. */
export function encodeCursor(keyset: Keyset, fp: string): string {
  return Buffer.from(JSON.stringify({ v: 1, k: keyset.sortKey, i: keyset.id, f: fp })).toString('base64url');
}

/**
 * Decodes a cursor made by `encodeCursor` for the same query. Anything else — corrupt, forged
 * with the wrong types, or made for other filters or another sort — is a 400 `invalid_cursor`.
 */
export function decodeCursor(
  cursor: string,
  sort: ProductSort,
  fp: string,
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
  if (v !== 1 || typeof i !== 'string' || i.length === 0 || i.length > 100) {
    throw invalid('The cursor is not one this API issued.');
  }
  if (f !== fp)
    throw invalid('The cursor was issued for other filters or another sort; start again without it.');
  const valid =
    sort === 'newest'
      ? typeof k === 'string' && ISO_MS.test(k) && !Number.isNaN(Date.parse(k))
      : sort === 'relevance'
        ? typeof k === 'number' && Number.isFinite(k)
        : typeof k === 'number' && Number.isSafeInteger(k) && k >= 0;
  if (!valid) throw invalid('The cursor is not one this API issued.');
  return { sortKey: k as string | number, id: i };
}
