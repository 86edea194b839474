import type { FieldError } from '../../errors.js';
import {
  decodeCursor as decode,
  isIsoTimestamp,
  isMinorUnits,
  isRank,
  type Keyset,
} from '../../lib/cursor.js';
import type { ProductSort } from './catalog.repository.js';

export { encodeCursor, fingerprint } from '../../lib/cursor.js';

const KEY_CHECK: Record<ProductSort, (k: unknown) => boolean> = {
  newest: isIsoTimestamp,
  relevance: isRank,
  price_asc: isMinorUnits,
  price_desc: isMinorUnits,
  rating: isRank,
};

/** Decodes a product-listing cursor, checking its sort key has the type the sort uses. */
export function decodeCursor(
  cursor: string,
  sort: ProductSort,
  fp: string,
  field: Pick<FieldError, 'in' | 'field'>,
): Keyset {
  return decode(cursor, fp, KEY_CHECK[sort], field);
}
