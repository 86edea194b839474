import type { OperationHandlers } from '../../http/operations.js';
import { sellerIdOf } from '../../http/principal.js';
import type { ShippingService } from './shipping.service.js';

/** Seller handlers for its flat shipping rates (what checkout charges per seller order). */
export function shippingHandlers({ shipping }: { shipping: ShippingService }) {
  return {
    listSellerShippingRates: async ({ principal }) => ({
      status: 200,
      body: { data: await shipping.list(sellerIdOf(principal)) },
    }),
    setSellerShippingRate: async ({ principal, params, body }) => ({
      status: 200,
      body: await shipping.set(sellerIdOf(principal), params.currency, body.amount),
    }),
  } satisfies Pick<OperationHandlers, 'listSellerShippingRates' | 'setSellerShippingRate'>;
}
