import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Keyset } from '../../lib/cursor.js';
import type { SellerStatus } from './sellers.table.js';

type Db = Kysely<Database>;

const SELLER_COLUMNS = [
  's.id',
  's.handle',
  's.name',
  's.description',
  's.status',
  's.commission_bps',
  's.created_at',
  's.updated_at',
  sql<number>`coalesce(s.commission_bps, (SELECT default_commission_bps FROM marketplace_settings))`.as(
    'effective_commission_bps',
  ),
] as const;

/** A seller row with its effective commission. */
export type SellerRow = Awaited<ReturnType<typeof findSeller>> & {};

export async function findSeller(db: Db, id: string, options: { forUpdate?: boolean } = {}) {
  return db
    .selectFrom('sellers as s')
    .select(SELLER_COLUMNS)
    .where('s.id', '=', id)
    .$if(options.forUpdate === true, (q) => q.forUpdate())
    .executeTakeFirst();
}

/** A page of sellers, newest first. */
export async function listSellers(db: Db, filter: { status?: SellerStatus; after?: Keyset; limit: number }) {
  return db
    .selectFrom('sellers as s')
    .select(SELLER_COLUMNS)
    .$if(filter.status !== undefined, (q) => q.where('s.status', '=', filter.status ?? 'active'))
    .$if(filter.after !== undefined, (q) =>
      q.where(
        sql<boolean>`(s.created_at, s.id) < (${filter.after?.sortKey}::timestamptz, ${filter.after?.id})`,
      ),
    )
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(filter.limit)
    .execute();
}

/** Inserts a seller; undefined when the handle is taken. */
export async function insertSeller(
  db: Db,
  row: {
    id: string;
    handle: string;
    name: string;
    description: string | null;
    commission_bps: number | null;
  },
) {
  const inserted = await db
    .insertInto('sellers')
    .values({ ...row, status: 'pending' })
    .onConflict((oc) => oc.column('handle').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id;
}

export async function updateSeller(
  db: Db,
  id: string,
  changes: { status?: SellerStatus; commission_bps?: number | null },
) {
  await db
    .updateTable('sellers')
    .set({ ...changes, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function getSettings(db: Db) {
  return db.selectFrom('marketplace_settings').select(['default_commission_bps']).executeTakeFirstOrThrow();
}

export async function updateSettings(db: Db, changes: { default_commission_bps: number }) {
  return db
    .updateTable('marketplace_settings')
    .set({ ...changes, updated_at: sql`now()` })
    .returning(['default_commission_bps'])
    .executeTakeFirstOrThrow();
}

/**
 * The commission rate that applies to a seller now — its override, else the marketplace default — as
 * an SQL expression over the seller row `alias`, for statements of other modules that already read
 * the seller (the cart pricing read, which checkout uses) and should not spend a round trip on it.
 */
export function commissionBpsSql(alias: string) {
  return sql<number>`coalesce(${sql.ref(`${alias}.commission_bps`)}, (SELECT default_commission_bps FROM marketplace_settings))`;
}
