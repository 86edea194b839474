import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';

/** A seller's flat shipping rates, by currency. */
export async function listRates(db: Kysely<Database>, sellerId: string) {
  return db
    .selectFrom('shipping_rates')
    .select(['amount', 'currency'])
    .where('seller_id', '=', sellerId)
    .orderBy('currency')
    .execute();
}

/** Creates or replaces one rate. */
export async function upsertRate(
  db: Kysely<Database>,
  row: { seller_id: string; currency: string; amount: number },
) {
  await db
    .insertInto('shipping_rates')
    .values(row)
    .onConflict((oc) => oc.columns(['seller_id', 'currency']).doUpdateSet({ amount: sql`excluded.amount` }))
    .execute();
}
