import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { listRates, upsertRate } from './shipping.repository.js';

/** A seller's flat shipping rates per currency (what checkout charges per seller order). */
export function createShippingService({ db }: { db: Kysely<Database> }) {
  return {
    /** The seller's rates, by currency. */
    list: (sellerId: string) => listRates(db, sellerId),
    /** Sets the seller's rate in one currency, replacing any earlier one. */
    async set(sellerId: string, currency: string, amount: number) {
      await upsertRate(db, { seller_id: sellerId, currency, amount });
      return { amount, currency };
    },
  };
}

export type ShippingService = ReturnType<typeof createShippingService>;
