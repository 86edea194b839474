import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;
type Row<T extends keyof Database> = Insertable<Database[T]>;

/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters for the widest table. */
const BATCH = 500;

async function insertBatched<T extends keyof Database & string>(
  db: Db,
  table: T,
  rows: Row<T>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    // Kysely cannot narrow the insert type of a generic table name; Row<T> already checked the rows.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + BATCH) as never)
      .execute();
  }
}

/** Inserts catalog rows in dependency order, in batches. Call inside a transaction. */
export async function insertCatalog(
  db: Db,
  rows: {
    sellers: Row<'sellers'>[];
    categories: Row<'categories'>[];
    products: Row<'products'>[];
    options: Row<'product_options'>[];
    variants: Row<'variants'>[];
    prices: Row<'variant_prices'>[];
  },
  onProgress?: (table: string, done: number, total: number) => void,
): Promise<void> {
  // The read-model triggers would rebuild each product once per table; build it once at the end.
  await sql`SELECT set_config('souk.defer_read_model', 'on', true)`.execute(db);
  await insertBatched(db, 'sellers', rows.sellers);
  // Parents before children: the seed lists categories top-down.
  await insertBatched(db, 'categories', rows.categories);
  for (const [table, list] of [
    ['products', rows.products],
    ['product_options', rows.options],
    ['variants', rows.variants],
    ['variant_prices', rows.prices],
  ] as const) {
    for (let i = 0; i < list.length; i += BATCH * 4) {
      await insertBatched(db, table, list.slice(i, i + BATCH * 4) as Row<typeof table>[]);
      onProgress?.(table, Math.min(i + BATCH * 4, list.length), list.length);
    }
  }
  const productIds = rows.products.map((p) => p.id);
  await refreshPriceRanges(db, productIds);
  await sql`SELECT set_config('souk.defer_read_model', 'off', true)`.execute(db);
  await sql`SELECT refresh_product_read_model(${productIds}::text[])`.execute(db);
}

/**
 * Rebuilds the per-currency price range of these products from their variant prices.
 * Every write of prices or variants must call it in the same transaction: listing filters and
 * price sorts read the ranges, not the prices.
 */
export async function refreshPriceRanges(db: Db, productIds: readonly string[]): Promise<void> {
  if (productIds.length === 0) return;
  for (let i = 0; i < productIds.length; i += 5_000) {
    const ids = productIds.slice(i, i + 5_000);
    await sql`DELETE FROM product_price_ranges WHERE product_id = ANY(${ids}::text[])`.execute(db);
    await sql`
      INSERT INTO product_price_ranges (product_id, currency, min_amount, max_amount)
      SELECT product_id, currency, min(amount), max(amount)
        FROM variant_prices WHERE product_id = ANY(${ids}::text[])
       GROUP BY product_id, currency
    `.execute(db);
  }
}

/** The tables the storefront reads are planned on. */
const READ_TABLES = [
  'sellers',
  'categories',
  'products',
  'product_options',
  'variants',
  'variant_prices',
  'product_price_ranges',
  'product_ratings',
  'product_read_model',
];

/**
 * Collects planner statistics of the catalog tables after a bulk load (the seed). Autovacuum analyses a
 * table only after 50 changed rows, so a marketplace's few sellers would never be: without statistics
 * the planner expects almost no active seller and sorts every published product instead of walking
 * `products_newest_idx` for a page (`limit=20` on the 500-product demo: 1.5 ms before, 0.5 ms after).
 */
export async function analyzeCatalog(db: Db): Promise<void> {
  await sql`ANALYZE ${sql.raw(READ_TABLES.join(', '))}`.execute(db);
}

/** Serialises seeding across processes for the rest of the transaction. */
export async function lockForSeeding(db: Db): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(4242001)`.execute(db);
}

/** True when the catalog holds no product yet (the embedded default seeds then). */
export async function isCatalogEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('sellers').select(sql<number>`1`.as('one')).limit(1).executeTakeFirst();
  return row === undefined;
}
