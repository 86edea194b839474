/**
 * Concurrent callers of one key share one load: the first starts it, the others get the same promise
 * until it settles (fulfilled or rejected); the next call after that starts a new load. Nothing is
 * kept once a load settled: caching its value is the caller's business.
 */
export function createSingleFlight<K, V>(): (key: K, load: () => Promise<V>) => Promise<V> {
  const running = new Map<K, Promise<V>>();
  return (key, load) => {
    const pending = running.get(key);
    if (pending) return pending;
    const started = load().finally(() => running.delete(key));
    running.set(key, started);
    return started;
  };
}
