import { LRUCache } from 'lru-cache';
import type { ProductVersionRow } from './catalog.repository.js';
import type { ProductParts } from './read-model.js';

/**
 * Products' stored JSON kept in the API by read-model version, so a listing asks PostgreSQL for the
 * page's ids, keys, versions and stock (~1.5 KB) instead of its bodies (~50 KB) once it has seen them.
 * Not a cache of answers: every listing still runs its statement, and a body is used only for the
 * exact version that statement's snapshot read, so it cannot be stale; a changed product has a new
 * version and is read whole again.
 */
export interface ProductBodies {
  /** The body kept for this key, as bytes cut where the stock goes (`stockTemplateBytes`). */
  get(key: string): ProductParts['parts'] | undefined;
  set(key: string, parts: ProductParts['parts']): void;
}

/**
 * The body of a page row in a display currency: the product, the currency asked (a currency-less
 * body is kept once per currency it stood in for) and the row version.
 */
export const bodyKey = (row: ProductVersionRow, currency: string): string =>
  `${row.id}\n${currency}\n${row.version}`;

/**
 * An in-process LRU of bodies up to `maxBytes`, each kept as UTF-8 bytes cut where the stock goes, so a
 * page read from it is only copied into the answer's buffer with the stock between the pieces (see
 * `joinProducts`; measured in bench/findings/reads.md: a 20-product page's cutting was about half of its
 * filling, and the page's string and its encoding a tenth of the listing's CPU). Entries also go
 * after 10 minutes: a version is a transaction id, which PostgreSQL reuses only after about four
 * billion transactions, and an entry unread for that long is better dropped anyway.
 */
export function productBodyCache(maxBytes: number): ProductBodies {
  const bodies = new LRUCache<string, ProductParts['parts'], unknown>({
    maxSize: maxBytes,
    ttl: 600_000,
  });
  return {
    get: (key) => bodies.get(key),
    set: (key, parts) => {
      let size = key.length;
      for (const part of parts) size += part.length;
      bodies.set(key, parts, { size });
    },
  };
}
