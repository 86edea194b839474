import { type CacheLookupSeries, cacheLookups, gmv, orders } from './metrics.js';

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
  // The series, found once: a lookup adds one to a number, folded into the counter when it is scraped.
  const hit = lookupSeries(name, 'hit');
  const miss = lookupSeries(name, 'miss');
  const count = <V>(value: V): V => {
    (value === undefined ? miss : hit).count++;
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

/** The process-wide series of a cache's hits or misses, made on first use. */
function lookupSeries(cache: string, result: 'hit' | 'miss'): CacheLookupSeries {
  const key = `${cache} ${result}`;
  let series = cacheLookups.get(key);
  if (!series) {
    series = { labels: { cache, result }, count: 0 };
    cacheLookups.set(key, series);
  }
  return series;
}
