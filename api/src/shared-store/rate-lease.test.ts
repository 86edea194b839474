import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../lib/logger.js';
import { createRateBudget, type RateBudget, type RateLeaseOptions } from './rate-lease.js';
import type { SharedStore } from './store.js';
import { createMemoryStore } from './store.memory.js';
import { createRedisStore } from './store.redis.js';

const logger = createLogger('silent');
const hour = 3_600_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Leases over each adapter. `open(namespace)` gives a store handle; two handles of one namespace
 * stand for two API processes sharing the budget (for the in-process adapter: one store, as in one process).
 */
function describeLeases(name: string, open: (namespace: string) => SharedStore): void {
  describe(`rate leases: ${name}`, () => {
    const closing: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const close of closing.splice(0)) await close();
    });
    const process = (namespace: string, options: RateLeaseOptions) => {
      const store = open(namespace);
      const budget = createRateBudget(store, options);
      closing.push(
        () => budget.close(),
        () => store.close(),
      );
      return { store, budget };
    };
    const spendAll = (
      budget: RateBudget,
      key: string,
      limit: { limit: number; windowMs: number },
      n: number,
    ) => Promise.all(Array.from({ length: n }, () => budget.spend(key, limit)));
    const hot = { leaseMs: 250, maxUnits: 64, maxShare: 1 / 4 };

    it('never admits more than the quota across two processes spending concurrently, and loses no unit', async () => {
      const ns = randomBytes(6).toString('hex');
      const a = process(ns, hot);
      const b = process(ns, hot);
      const limit = { limit: 200, windowMs: hour };
      const waves = [];
      for (let wave = 0; wave < 6; wave++) {
        waves.push(
          ...(await Promise.all([spendAll(a.budget, 'k', limit, 50), spendAll(b.budget, 'k', limit, 50)])),
        );
      }
      const admitted = waves.flat().filter((d) => d.allowed).length;
      expect(admitted).toBeLessThanOrEqual(200);
      // Units one process held while the other was refused go back when the leases end.
      await a.budget.close();
      await b.budget.close();
      const c = process(ns, { ...hot, maxUnits: 1 });
      let more = 0;
      while ((await c.budget.spend('k', limit)).allowed) more++;
      expect(admitted + more).toBe(200);
    });

    it('admits exactly the quota in one process, counting `remaining` down exactly, then refuses with a delay', async () => {
      const { budget } = process(randomBytes(6).toString('hex'), hot);
      const limit = { limit: 100, windowMs: hour };
      const decisions = [];
      for (let i = 0; i < 130; i++) decisions.push(await budget.spend('one', limit));
      expect(decisions.slice(0, 100).every((d) => d.allowed)).toBe(true);
      expect(decisions.slice(0, 100).map((d) => d.remaining)).toEqual(
        Array.from({ length: 100 }, (_, i) => 99 - i),
      );
      // Leases were taken (fewer units asked of the store than requests made).
      expect(decisions.slice(0, 100).filter((d) => d.granted > 0).length).toBeLessThan(30);
      for (const refused of decisions.slice(100)) {
        expect(refused).toMatchObject({ allowed: false, remaining: 0 });
        expect(refused.retryAfterMs).toBeGreaterThan(30_000);
      }
    });

    it('answers a spend its lease covers as it is (no promise), and a take from the store as a promise', async () => {
      const { budget } = process(randomBytes(6).toString('hex'), hot);
      const limit = { limit: 1000, windowMs: hour };
      const first = budget.spend('sync', limit);
      expect(first).toBeInstanceOf(Promise);
      expect((await first).remaining).toBe(999);
      // The lease grows while it runs out early: the units it holds are spent locally, then it takes again.
      const kinds = [];
      const remaining = [];
      for (let i = 0; i < 6; i++) {
        const answer = budget.spend('sync', limit);
        kinds.push(answer instanceof Promise ? 'store' : 'lease');
        remaining.push((await answer).remaining);
      }
      expect(kinds).toContain('lease');
      expect(kinds).toContain('store');
      expect(remaining).toEqual([998, 997, 996, 995, 994, 993]);
    });

    it('keeps the exact remaining for a subject seen less often than once a lease, across two processes', async () => {
      const ns = randomBytes(6).toString('hex');
      const options = { leaseMs: 40, maxUnits: 64, maxShare: 1 / 4 };
      const a = process(ns, options);
      const b = process(ns, options);
      const limit = { limit: 1000, windowMs: hour };
      const remaining = [];
      // Each process sees the subject once per 100 ms (rare), the two of them one right after the other.
      for (let i = 0; i < 3; i++) {
        remaining.push((await a.budget.spend('rare', limit)).remaining);
        remaining.push((await b.budget.spend('rare', limit)).remaining);
        await sleep(100);
      }
      expect(remaining).toEqual([999, 998, 997, 996, 995, 994]);
    });

    it('gives unspent units back when the lease expires', async () => {
      const ns = randomBytes(6).toString('hex');
      const a = process(ns, { leaseMs: 100, maxUnits: 64, maxShare: 1 / 4 });
      const limit = { limit: 400, windowMs: hour };
      await spendAll(a.budget, 'back', limit, 40);
      const store = open(ns);
      closing.push(() => store.close());
      // Held by the lease for now: the store counts more than 40 spent.
      expect((await store.rateLimit('back', limit)).remaining).toBeLessThan(400 - 41);
      await sleep(350);
      expect((await store.rateLimit('back', limit)).remaining).toBe(400 - 42);
    });
  });
}

const memory = new Map<string, SharedStore>();
describeLeases('in-process', (namespace) => {
  let store = memory.get(namespace);
  if (!store) {
    store = { ...createMemoryStore(), close: async () => {} };
    memory.set(namespace, store);
  }
  return store;
});

const redisUrl = process.env.REDIS_URL || undefined;
if (redisUrl) {
  describeLeases('redis', (namespace) =>
    createRedisStore({ url: redisUrl, prefix: `test:lease:${namespace}:`, commandTimeoutMs: 1_000, logger }),
  );
} else {
  describe('rate leases: redis', () => {
    it.skip('runs when REDIS_URL is set (CI starts a real Redis)', () => {});
  });
}
