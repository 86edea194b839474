import { describe, expect, it } from 'vitest';
import { createLogger } from '../lib/logger.js';
import { describeStoreContract } from './store.contract.js';
import type { SharedStore } from './store.js';
import { createMemoryStore } from './store.memory.js';
import { createRedisStore } from './store.redis.js';

const logger = createLogger('silent');

// In-process: one store per namespace stands for the one process that would share it.
const memory = new Map<string, SharedStore>();
describeStoreContract('in-process', (namespace) => {
  let store = memory.get(namespace);
  if (!store) {
    const created = createMemoryStore();
    // Closing one handle must not close the store under the other.
    store = { ...created, close: async () => {} };
    memory.set(namespace, store);
  }
  return store;
});

const redisUrl = process.env.REDIS_URL || undefined;
if (redisUrl) {
  describeStoreContract('redis', (prefix) =>
    createRedisStore({ url: redisUrl, prefix, commandTimeoutMs: 1_000, logger }),
  );

  describe('redis store when Redis is unreachable', () => {
    it('fails fast instead of queueing commands', async () => {
      const store = createRedisStore({
        url: 'redis://127.0.0.1:1',
        prefix: 'x:',
        commandTimeoutMs: 200,
        logger,
      });
      const started = Date.now();
      await expect(store.rateLimit('k', { limit: 1, windowMs: 1_000 })).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(1_000);
      await store.close();
    });
  });
} else {
  describe('shared store contract: redis', () => {
    it.skip('runs when REDIS_URL is set (CI starts a real Redis)', () => {});
  });
}
