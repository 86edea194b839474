import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

/** The override of a seller, if any. */
export async function findSellerQuota(db: Db, sellerId: string) {
  return db
    .selectFrom('seller_rate_limits')
    .select(['requests_per_minute', 'updated_at'])
    .where('seller_id', '=', sellerId)
    .executeTakeFirst();
}

/** Sets or replaces a seller's override. */
export async function upsertSellerQuota(db: Db, sellerId: string, requestsPerMinute: number) {
  return db
    .insertInto('seller_rate_limits')
    .values({ seller_id: sellerId, requests_per_minute: requestsPerMinute })
    .onConflict((oc) =>
      oc.column('seller_id').doUpdateSet({ requests_per_minute: requestsPerMinute, updated_at: sql`now()` }),
    )
    .returning(['requests_per_minute', 'updated_at'])
    .executeTakeFirstOrThrow();
}

/** Removes a seller's override. */
export async function deleteSellerQuota(db: Db, sellerId: string): Promise<void> {
  await db.deleteFrom('seller_rate_limits').where('seller_id', '=', sellerId).execute();
}
