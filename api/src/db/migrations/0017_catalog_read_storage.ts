import { type Kysely, sql } from 'kysely';

/**
 * Storage of the two structures every uncached storefront read goes through, set for reads.
 *
 * `products_search_idx` without `fastupdate`: with it (PostgreSQL's default), new and changed products'
 * terms wait in the GIN index's pending list until a vacuum merges them, and every search scans that
 * whole list. Autovacuum vacuums `products` for inserts only after 1,000 + 20 % of its rows, so a
 * freshly loaded catalog kept all its terms there: the seeded 500 products' search read 39 index
 * pages instead of 3. Catalog writes are rare next to searches, so they now update the index in place.
 *
 * `product_read_model.body` stored uncompressed up to a page: a body is ~2.3–2.5 KB of JSON, just over
 * the 2 KB at which PostgreSQL compresses a row, so every listing decompressed 21 bodies (pglz) per
 * request. Bodies now stay as they are (the table roughly doubles, ~2.4 KB a row); only a body past
 * ~8 KB is still compressed. Existing rows are rewritten so they are stored that way too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`ALTER INDEX products_search_idx SET (fastupdate = off)`,
    // Turning fastupdate off leaves what is already pending in the list; merge it now.
    sql`SELECT gin_clean_pending_list('products_search_idx')`,
    sql`ALTER TABLE product_read_model SET (toast_tuple_target = 8160)`,
    sql`SELECT refresh_product_read_model(ARRAY(SELECT id FROM products))`,
  ];
  // One statement per query: PGlite's extended protocol takes a single statement at a time.
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE product_read_model RESET (toast_tuple_target)`.execute(db);
  await sql`ALTER INDEX products_search_idx RESET (fastupdate)`.execute(db);
}
