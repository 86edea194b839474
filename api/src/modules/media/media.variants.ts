import { LRUCache } from 'lru-cache';

/**
 * Rendered variants' bytes in memory, by storage key, bounded in bytes (`MEDIA_CACHE_BYTES`; 0: no
 * cache), with one load per key at a time. Keys name content (`images/<hash>/w480.webp`: the hash is
 * the original's, rendering is deterministic), so an entry never goes stale and is never dropped on a
 * change: whether a URL may serve it is asked of the database on every request, before this.
 */
export function createVariantCache({ maxBytes }: { maxBytes: number }) {
  const bytes =
    maxBytes > 0
      ? new LRUCache<string, Buffer>({ maxSize: maxBytes, sizeCalculation: (data) => data.length })
      : undefined;
  // Loads under way: concurrent misses of one variant read (or render) it once and share the result.
  const loading = new Map<string, Promise<Buffer | undefined>>();

  return {
    /** The bytes under `key`: cached, else from `load` (joined by concurrent callers of the same key). */
    get(key: string, load: () => Promise<Buffer | undefined>): Promise<Buffer | undefined> {
      const hit = bytes?.get(key);
      if (hit) return Promise.resolve(hit);
      let flight = loading.get(key);
      if (!flight) {
        flight = load()
          .then((data) => {
            if (data) bytes?.set(key, data);
            return data;
          })
          .finally(() => loading.delete(key));
        loading.set(key, flight);
      }
      return flight;
    },
    /** Entries and their bytes (metrics, tests). */
    stats: () => ({ entries: bytes?.size ?? 0, bytes: bytes?.calculatedSize ?? 0 }),
  };
}

export type VariantCache = ReturnType<typeof createVariantCache>;
