import { cacheRequests, gmv, orders } from './metrics.js';

/**
 * Counts placed orders and their GMV by currency. Wraps the checkout handler, so the count happens
 * after the order committed (the idempotency wrapper owns the transaction), once: a replayed
 * checkout answers `Idempotent-Replayed: true` with the stored order and is not counted again.
 */
export function instrumentCheckout<H extends (req: never) => Promise<CheckoutResult>>(handler: H): H {
  return (async (req: Parameters<H>[0]) => {
    const result = await handler(req);
    if (result.status === 201 && !result.headers?.['Idempotent-Replayed']) {
      const { currency, amount } = result.body.totals.total;
      orders.inc({ currency });
      gmv.inc({ currency }, amount);
    }
    return result;
  }) as H;
}

interface CheckoutResult {
  status: number;
  body: { totals: { total: { currency: string; amount: number } } };
  headers?: Record<string, string>;
}

/**
 * Counts hits and misses of a read-through cache's `get` (a miss is `undefined`). A value the cache
 * returns as it is (not as a promise) is passed on as it is.
 */
export function instrumentCache<C extends { get(key: string): unknown }>(name: string, cache: C): C {
  // The label sets, made once: a cached read counts without allocating.
  const hit = { cache: name, result: 'hit' };
  const miss = { cache: name, result: 'miss' };
  const count = <V>(value: V): V => {
    cacheRequests.inc(value === undefined ? miss : hit);
    return value;
  };
  return {
    ...cache,
    get(key: string) {
      const value = cache.get(key);
      return value instanceof Promise ? value.then(count) : count(value);
    },
  };
}
