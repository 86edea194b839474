import type { CheckoutService } from '../modules/orders/checkout.service.js';
import { cacheRequests, gmv, orders } from './metrics.js';

/**
 * Counts placed orders and their GMV by currency. Wraps the checkout service port, so the count
 * happens after the order committed, once: a replayed checkout returns the stored order and is not counted again.
 */
export function instrumentCheckout(service: CheckoutService): CheckoutService {
  return {
    ...service,
    async checkout(input) {
      const result = await service.checkout(input);
      if (!result.replayed) {
        const { currency, amount } = result.order.totals.total;
        orders.inc({ currency });
        gmv.inc({ currency }, amount);
      }
      return result;
    },
  };
}

/** Counts hits and misses of a read-through cache's `get` (a miss is `undefined`). */
export function instrumentCache<C extends { get(key: string): unknown }>(name: string, cache: C): C {
  return {
    ...cache,
    get(key: string) {
      const value = cache.get(key);
      cacheRequests.inc({ cache: name, result: value === undefined ? 'miss' : 'hit' });
      return value;
    },
  };
}
