import { type Kysely, sql } from 'kysely';

/**
 * Which stored image files each product's images point at, so the media clean-up asks one indexed,
 * exact question ("does any product still show `images/<hash>/`?") instead of scanning every
 * product's images as text. One row per product and (product in the URL, storage prefix) its
 * `images` name: an upload names its own product's URL, a by-URL image may name another product's.
 *
 * A row trigger keeps it, so every writer of `products.images` — the seller catalog, the seed, a
 * migration, psql — keeps it exact in its own transaction; deleting a product deletes its rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`
      CREATE TABLE product_image_files (
        product_id text NOT NULL REFERENCES products (id) ON DELETE CASCADE,
        served_as text NOT NULL,
        storage_prefix text NOT NULL,
        PRIMARY KEY (product_id, served_as, storage_prefix)
      )
    `,
    sql`CREATE INDEX product_image_files_storage_prefix ON product_image_files (storage_prefix)`,
    sql`CREATE INDEX product_image_files_served_as ON product_image_files (served_as, storage_prefix)`,
    // An image URL of this API is `<base>/products/<product id>/<hash>.webp`; its files are stored by
    // content hash under `images/<hash>/` (see the media module's mediaKeys).
    sql`
      CREATE FUNCTION product_image_files_of(p_id text, p_images jsonb)
      RETURNS TABLE (product_id text, served_as text, storage_prefix text)
      LANGUAGE sql IMMUTABLE AS $fn$
        SELECT DISTINCT p_id, m[1], 'images/' || lower(m[2]) || '/'
          FROM (SELECT regexp_match(image ->> 'url', '/products/(prod_[0-9A-Za-z]+)/([0-9a-fA-F]{32})\\.webp$') AS m
                  FROM jsonb_array_elements(p_images) AS image) AS urls
         WHERE m IS NOT NULL
      $fn$
    `,
    sql`
      CREATE FUNCTION products_image_files_trigger() RETURNS trigger
      LANGUAGE plpgsql AS $fn$
      BEGIN
        DELETE FROM product_image_files WHERE product_id = NEW.id;
        INSERT INTO product_image_files SELECT * FROM product_image_files_of(NEW.id, NEW.images);
        RETURN NULL;
      END
      $fn$
    `,
    sql`
      CREATE TRIGGER products_image_files AFTER INSERT OR UPDATE OF images ON products
      FOR EACH ROW EXECUTE FUNCTION products_image_files_trigger()
    `,
    sql`
      INSERT INTO product_image_files
      SELECT f.* FROM products p CROSS JOIN LATERAL product_image_files_of(p.id, p.images) f
    `,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER products_image_files ON products`.execute(db);
  await sql`DROP FUNCTION products_image_files_trigger()`.execute(db);
  await sql`DROP FUNCTION product_image_files_of(text, jsonb)`.execute(db);
  await sql`DROP TABLE product_image_files`.execute(db);
}
