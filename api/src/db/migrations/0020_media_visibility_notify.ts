import { type Kysely, sql } from 'kysely';

/**
 * Tells every API instance at commit that a picture URL may have stopped serving (see the media
 * module's served-as cache): a product's status or seller changed, a seller's status changed, or a
 * product stopped naming stored image files (an image removed or replaced, the product deleted, which
 * cascades here). Empty notifications on `souk_media_visibility` through `souk_notify`
 * (0016_event_wakeups); PostgreSQL folds those of one transaction into one. The conditions keep
 * ordinary product edits (price, stock, title) silent.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`
      CREATE TRIGGER products_media_visibility AFTER UPDATE OF status, seller_id ON products
      FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.seller_id IS DISTINCT FROM NEW.seller_id)
      EXECUTE FUNCTION souk_notify('souk_media_visibility')
    `,
    sql`
      CREATE TRIGGER sellers_media_visibility AFTER UPDATE OF status ON sellers
      FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
      EXECUTE FUNCTION souk_notify('souk_media_visibility')
    `,
    // Only when rows went: every change of a product's images deletes and inserts its rows.
    sql`
      CREATE TRIGGER product_image_files_media_visibility AFTER DELETE ON product_image_files
      REFERENCING OLD TABLE AS changed
      FOR EACH STATEMENT EXECUTE FUNCTION souk_notify_changed('souk_media_visibility')
    `,
    sql`
      CREATE TRIGGER product_image_files_media_visibility_truncate AFTER TRUNCATE ON product_image_files
      FOR EACH STATEMENT EXECUTE FUNCTION souk_notify('souk_media_visibility')
    `,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER product_image_files_media_visibility_truncate ON product_image_files`.execute(db);
  await sql`DROP TRIGGER product_image_files_media_visibility ON product_image_files`.execute(db);
  await sql`DROP TRIGGER sellers_media_visibility ON sellers`.execute(db);
  await sql`DROP TRIGGER products_media_visibility ON products`.execute(db);
}
