import { EventEmitter } from 'node:events';
import { LRUCache } from 'lru-cache';
import { gcra, gcraRefund, type MessageHandler, type SharedStore } from './store.js';

/**
 * The in-process adapter: values and rate-limit states in bounded LRU caches (least recently used
 * entries go first when full; each entry expires on its own TTL), messages on an in-process emitter.
 * Right for one instance; with several, each would have its own budgets and caches.
 */
export function createMemoryStore(options: { maxEntries?: number; now?: () => number } = {}): SharedStore {
  const now = options.now ?? Date.now;
  const max = options.maxEntries ?? 50_000;
  const values = new LRUCache<string, string>({ max, ttlAutopurge: false, perf: { now } });
  const tats = new LRUCache<string, number>({ max, perf: { now } });
  const channels = new EventEmitter();
  channels.setMaxListeners(0);
  let closed = false;

  return {
    kind: 'memory',
    async rateLimit(key, limit) {
      const at = now();
      const { decision, tat } = gcra(tats.get(key), at, limit);
      // The state matters only until the budget is full again: then it expires like the Redis key.
      if (tat !== undefined) tats.set(key, tat, { ttl: Math.max(1, Math.ceil(tat - at)) });
      return decision;
    },
    async refund(key, limit, units) {
      const at = now();
      const tat = gcraRefund(tats.get(key), at, limit, units);
      if (tat === undefined) tats.delete(key);
      else tats.set(key, tat, { ttl: Math.max(1, Math.ceil(tat - at)) });
    },
    async get(key) {
      return values.get(key);
    },
    async set(key, value, ttlMs, opts) {
      if (opts?.ifAbsent && values.has(key)) return false;
      values.set(key, value, { ttl: Math.max(1, ttlMs) });
      return true;
    },
    async del(...keys) {
      for (const key of keys) values.delete(key);
    },
    async publish(channel, message) {
      // Asynchronous like Redis: a publisher never runs subscribers inside its own call stack.
      queueMicrotask(() => channels.emit(channel, message));
    },
    async subscribe(channel, handler: MessageHandler) {
      if (!closed) channels.on(channel, handler);
    },
    async ping() {
      if (closed) throw new Error('the in-process store is closed');
    },
    async close() {
      closed = true;
      channels.removeAllListeners();
      values.clear();
      tats.clear();
    },
  };
}
