import { type Kysely, sql } from 'kysely';

/**
 * Handles products had before a seller renamed them, so links and search results already out there
 * still reach the product (whose answer names its handle now, for a storefront's canonical URL). One
 * row per old handle, pointing at the product that had it last; gone with the product. A handle
 * another product has taken since is that product's: the store API's look-up checks the live handles
 * first.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE product_old_handles (
      handle text PRIMARY KEY,
      product_id text NOT NULL REFERENCES products (id) ON DELETE CASCADE,
      replaced_at timestamptz(3) NOT NULL DEFAULT now()
    )
  `.execute(db);
  // The cascade from a product's delete reads by product.
  await sql`CREATE INDEX product_old_handles_product ON product_old_handles (product_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE product_old_handles`.execute(db);
}
