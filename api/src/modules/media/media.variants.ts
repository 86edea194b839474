import { LRUCache } from 'lru-cache';
import { createSingleFlight } from '../../lib/single-flight.js';

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
  // Concurrent misses of one variant read (or render) it once and share the result.
  const flights = createSingleFlight<string, Buffer | undefined>();

  return {
    /** The bytes under `key`: cached, else from `load` (joined by concurrent callers of the same key). */
    get(key: string, load: () => Promise<Buffer | undefined>): Promise<Buffer | undefined> {
      const hit = bytes?.get(key);
      if (hit) return Promise.resolve(hit);
      return flights(key, async () => {
        const data = await load();
        if (data) bytes?.set(key, data);
        return data;
      });
    },
    /**
     * `load` run as the one load of `key` under way (joined by concurrent callers of `get` and of this),
     * without keeping its bytes in memory: for the background pre-rendering, whose variants may never
     * be asked for, so a request arriving mid-render waits for that render instead of starting another.
     */
    share(key: string, load: () => Promise<Buffer | undefined>): Promise<Buffer | undefined> {
      return flights(key, load);
    },
    /** Entries and their bytes (metrics, tests). */
    stats: () => ({ entries: bytes?.size ?? 0, bytes: bytes?.calculatedSize ?? 0 }),
  };
}

export type VariantCache = ReturnType<typeof createVariantCache>;
