import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { SharedStore } from './store.js';

/**
 * The behaviour every shared-store adapter must have. `open(namespace)` gives a handle on the store
 * for one namespace; two handles with the same namespace are two "API instances" sharing it.
 */
export function describeStoreContract(name: string, open: (namespace: string) => SharedStore): void {
  describe(`shared store contract: ${name}`, () => {
    const opened: SharedStore[] = [];
    const fresh = (namespace = randomBytes(6).toString('hex')) => {
      const store = open(`test:${namespace}:`);
      opened.push(store);
      return { store, namespace };
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    it('stores, reads, overwrites and deletes values', async () => {
      const { store } = fresh();
      expect(await store.get('a')).toBeUndefined();
      expect(await store.set('a', 'one', 10_000)).toBe(true);
      expect(await store.get('a')).toBe('one');
      expect(await store.set('a', 'two', 10_000)).toBe(true);
      expect(await store.get('a')).toBe('two');
      await store.del('a', 'missing');
      expect(await store.get('a')).toBeUndefined();
    });

    it('writes with ifAbsent only when nothing is stored', async () => {
      const { store } = fresh();
      expect(await store.set('k', 'first', 10_000, { ifAbsent: true })).toBe(true);
      expect(await store.set('k', 'second', 10_000, { ifAbsent: true })).toBe(false);
      expect(await store.get('k')).toBe('first');
    });

    it('expires values after their TTL', async () => {
      const { store } = fresh();
      await store.set('short', 'x', 60);
      await store.set('long', 'y', 10_000);
      await new Promise((r) => setTimeout(r, 150));
      expect(await store.get('short')).toBeUndefined();
      expect(await store.get('long')).toBe('y');
    });

    it('allows a burst of exactly the limit, then refuses with a retry delay', async () => {
      const { store } = fresh();
      const limit = { limit: 5, windowMs: 3_600_000 };
      const decisions = [];
      for (let i = 0; i < 8; i++) decisions.push(await store.rateLimit('client', limit));
      expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, true, true, false, false, false]);
      expect(decisions.slice(0, 5).map((d) => d.remaining)).toEqual([4, 3, 2, 1, 0]);
      const refused = decisions[7];
      expect(refused?.remaining).toBe(0);
      // One unit comes back every window/limit = 720 s.
      expect(refused?.retryAfterMs).toBeGreaterThan(700_000);
      expect(refused?.retryAfterMs).toBeLessThanOrEqual(720_000);
      expect(refused?.resetMs).toBeGreaterThan(3_500_000);
      // Another key has its own budget.
      expect((await store.rateLimit('other', limit)).allowed).toBe(true);
    });

    it('spends `cost` units at once, and refuses a cost the budget cannot pay without spending it', async () => {
      const { store } = fresh();
      const limit = { limit: 10, windowMs: 3_600_000 };
      expect(await store.rateLimit('costly', { ...limit, cost: 4 })).toMatchObject({
        allowed: true,
        remaining: 6,
      });
      expect(await store.rateLimit('costly', { ...limit, cost: 7 })).toMatchObject({
        allowed: false,
        remaining: 0,
      });
      expect(await store.rateLimit('costly', { ...limit, cost: 6 })).toMatchObject({
        allowed: true,
        remaining: 0,
      });
      expect((await store.rateLimit('costly', limit)).allowed).toBe(false);
    });

    it('takes a lease of up to `lease` units, as far as the budget holds them', async () => {
      const { store } = fresh();
      const limit = { limit: 10, windowMs: 3_600_000 };
      expect(await store.rateLimit('lease', { ...limit, lease: 4 })).toMatchObject({
        allowed: true,
        granted: 4,
        remaining: 6,
      });
      expect(await store.rateLimit('lease', { ...limit, cost: 2, lease: 9 })).toMatchObject({
        allowed: true,
        granted: 6,
        remaining: 0,
      });
      expect(await store.rateLimit('lease', { ...limit, lease: 5 })).toMatchObject({
        allowed: false,
        granted: 0,
      });
      expect(await store.rateLimit('plain', limit)).toMatchObject({
        allowed: true,
        granted: 1,
        remaining: 9,
      });
    });

    it('takes refunded units back into the budget, never beyond a full one', async () => {
      const { store } = fresh();
      const limit = { limit: 5, windowMs: 3_600_000 };
      expect((await store.rateLimit('r', { ...limit, lease: 5 })).granted).toBe(5);
      expect((await store.rateLimit('r', limit)).allowed).toBe(false);
      await store.refund('r', limit, 2);
      expect(await store.rateLimit('r', limit)).toMatchObject({ allowed: true, remaining: 1 });
      await store.refund('r', limit, 100);
      expect(await store.rateLimit('r', limit)).toMatchObject({ allowed: true, remaining: 4 });
      await store.refund('never-taken', limit, 3);
      expect(await store.rateLimit('never-taken', limit)).toMatchObject({ allowed: true, remaining: 4 });
    });

    it('refills continuously: after retryAfter the next request is allowed', async () => {
      const { store } = fresh();
      const limit = { limit: 2, windowMs: 400 };
      await store.rateLimit('c', limit);
      await store.rateLimit('c', limit);
      const refused = await store.rateLimit('c', limit);
      expect(refused.allowed).toBe(false);
      await new Promise((r) => setTimeout(r, refused.retryAfterMs + 20));
      expect((await store.rateLimit('c', limit)).allowed).toBe(true);
    });

    it('never grants more than the limit to concurrent callers on two handles', async () => {
      const { store, namespace } = fresh();
      const other = fresh(namespace).store;
      const limit = { limit: 20, windowMs: 3_600_000 };
      const decisions = await Promise.all(
        Array.from({ length: 60 }, (_, i) => (i % 2 ? store : other).rateLimit('shared', limit)),
      );
      expect(decisions.filter((d) => d.allowed)).toHaveLength(20);
    });

    it('delivers published messages to every subscriber of the namespace, not to others', async () => {
      const { store, namespace } = fresh();
      const other = fresh(namespace).store;
      const stranger = fresh().store;
      const got: string[] = [];
      await store.subscribe('news', (m) => got.push(`a:${m}`));
      await other.subscribe('news', (m) => got.push(`b:${m}`));
      await stranger.subscribe('news', (m) => got.push(`x:${m}`));
      await other.publish('news', 'hello');
      const until = Date.now() + 2_000;
      while (got.length < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 50));
      expect(got.sort()).toEqual(['a:hello', 'b:hello']);
    });

    it('answers ping while open', async () => {
      const { store } = fresh();
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
