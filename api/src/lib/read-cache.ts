/**
 * A small in-process read cache for hot, shared reads (storefront catalog pages). Entries live at
 * most `ttlMs` and are all dropped by `invalidate()`. A value computed while an invalidation
 * happened is not stored, so a read that raced a change cannot pin the old data.
 */
export function createReadCache<V>(options: { ttlMs: number; maxEntries: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { value: V; until: number }>();
  let generation = 0;
  let hits = 0;
  let misses = 0;

  return {
    /** The cached value for `key`, or the result of `load()` (cached when nothing changed meanwhile). */
    async get(key: string, load: () => Promise<V>): Promise<V> {
      if (options.ttlMs <= 0) return load();
      const entry = entries.get(key);
      if (entry && entry.until > now()) {
        hits++;
        return entry.value;
      }
      misses++;
      const started = generation;
      const value = await load();
      if (generation === started) {
        // Oldest first in a Map: evict from the front when full.
        if (entries.size >= options.maxEntries) entries.delete(entries.keys().next().value as string);
        entries.delete(key);
        entries.set(key, { value, until: now() + options.ttlMs });
      }
      return value;
    },
    /** The value cached for `key`, if fresh (no load). */
    peek(key: string): V | undefined {
      if (options.ttlMs <= 0) return undefined;
      const entry = entries.get(key);
      if (entry && entry.until > now()) {
        hits++;
        return entry.value;
      }
      return undefined;
    },
    /** Stores a value computed since `since` (a `generation()`), unless an invalidation happened meanwhile. */
    put(key: string, value: V, since: number): void {
      if (options.ttlMs <= 0 || generation !== since) return;
      if (entries.size >= options.maxEntries) entries.delete(entries.keys().next().value as string);
      entries.delete(key);
      entries.set(key, { value, until: now() + options.ttlMs });
    },
    generation: () => generation,
    invalidate(): void {
      generation++;
      entries.clear();
    },
    stats: () => ({ hits, misses, size: entries.size }),
  };
}

export type ReadCache<V> = ReturnType<typeof createReadCache<V>>;
