import { type Kysely, sql } from 'kysely';

/**
 * Seller catalog: sellers list their own products in every status, newest first. The existing
 * seller index only covers published products (what the store reads), so drafts would be a scan.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX products_seller_all_idx ON products (seller_id, created_at DESC, id DESC)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX products_seller_all_idx`.execute(db);
}
