import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { OperationHandlers } from '../../http/operations.js';
import { sellerIdOf } from '../../http/principal.js';
import { listRates, upsertRate } from './shipping.repository.js';

/** Seller handlers for its flat shipping rates (what checkout charges per seller order). */
export function shippingHandlers({ db }: { db: Kysely<Database> }) {
  return {
    listSellerShippingRates: async ({ principal }) => ({
      status: 200,
      body: { data: await listRates(db, sellerIdOf(principal)) },
    }),
    setSellerShippingRate: async ({ principal, params, body }) => {
      await upsertRate(db, {
        seller_id: sellerIdOf(principal),
        currency: params.currency,
        amount: body.amount,
      });
      return { status: 200, body: { amount: body.amount, currency: params.currency } };
    },
  } satisfies Pick<OperationHandlers, 'listSellerShippingRates' | 'setSellerShippingRate'>;
}
