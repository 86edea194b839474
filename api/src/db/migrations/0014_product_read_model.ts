import { type Kysely, sql } from 'kysely';

/**
 * Tables whose rows appear in a product's storefront JSON, and how a changed row names its products.
 * Every one gets statement-level triggers, so any write — a service, the seed, a migration, psql —
 * refreshes the read model in its own transaction. A table added to `product_document` must be
 * added here too (the read-model equality test fails otherwise).
 */
const SOURCES: { table: string; products: string }[] = [
  { table: 'products', products: 'SELECT id FROM changed' },
  { table: 'product_options', products: 'SELECT product_id FROM changed' },
  { table: 'variants', products: 'SELECT product_id FROM changed' },
  { table: 'variant_prices', products: 'SELECT product_id FROM changed' },
  { table: 'sellers', products: 'SELECT p.id FROM products p JOIN changed c ON c.id = p.seller_id' },
  { table: 'categories', products: 'SELECT p.id FROM products p JOIN changed c ON c.id = p.category_id' },
  // The review aggregate copied from the document store (migration 0014).
  { table: 'product_ratings', products: 'SELECT product_id FROM changed' },
];

/**
 * The product read model: one row per product and currency holding the product's storefront JSON as
 * text, so a listing page is an index range scan on `products` plus primary-key lookups here, and
 * the API streams the text without parsing or re-serialising it.
 *
 * `product_document(id, currency)` is the ONE projection of a product: the read model is filled from
 * it and the equality test compares the read model with it. The `'*'` row has no currency (every
 * `price` and the `price_range` null) and answers currencies the product has no price in.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`
      CREATE FUNCTION product_document(p_id text, p_currency text, p_stock boolean DEFAULT true) RETURNS json
      LANGUAGE sql STABLE AS $fn$
        SELECT json_build_object(
          'id', p.id,
          'handle', p.handle,
          'title', p.title,
          'description', p.description,
          'status', p.status,
          'seller', json_build_object('id', s.id, 'handle', s.handle, 'name', s.name),
          'category', CASE WHEN c.id IS NULL THEN NULL
                      ELSE json_build_object('id', c.id, 'handle', c.handle, 'name', c.name) END,
          'attributes', p.attributes,
          'images', p.images,
          'options', (SELECT coalesce(json_agg(json_build_object('id', o.id, 'name', o.name, 'values', o.values)
                                               ORDER BY o.position), '[]'::json)
                        FROM product_options o WHERE o.product_id = p.id),
          'variants', (SELECT coalesce(json_agg(json_build_object(
                          'id', v.id, 'sku', v.sku, 'title', v.title, 'options', v.options,
                          'price', (SELECT json_build_object('amount', vp.amount, 'currency', vp.currency)
                                      FROM variant_prices vp WHERE vp.variant_id = v.id AND vp.currency = p_currency),
                          'prices', (SELECT coalesce(json_agg(json_build_object('amount', vp.amount, 'currency', vp.currency)
                                                              ORDER BY vp.currency), '[]'::json)
                                       FROM variant_prices vp WHERE vp.variant_id = v.id),
                          'available_quantity', CASE WHEN p_stock THEN to_json(v.inventory_quantity)
                                                ELSE to_json('§stock§'::text) END
                        ) ORDER BY v.position, v.id), '[]'::json)
                         FROM variants v WHERE v.product_id = p.id),
          'price_range', (SELECT json_build_object(
                              'min', json_build_object('amount', min(vp.amount), 'currency', p_currency),
                              'max', json_build_object('amount', max(vp.amount), 'currency', p_currency))
                            FROM variant_prices vp WHERE vp.product_id = p.id AND vp.currency = p_currency
                          HAVING count(*) > 0),
          -- As toRating (rating.views.ts) computes it: Math.round(sum / count * 100) / 100 in binary
          -- floating point, so the text is the same number JavaScript would print.
          'rating', json_build_object(
              'average', CASE WHEN coalesce(r.review_count, 0) = 0 THEN NULL
                         ELSE floor(r.rating_sum::float8 / r.review_count * 100 + 0.5) / 100 END,
              'count', coalesce(r.review_count, 0),
              'distribution', json_build_object(
                  '1', coalesce(r.star_counts[1], 0), '2', coalesce(r.star_counts[2], 0),
                  '3', coalesce(r.star_counts[3], 0), '4', coalesce(r.star_counts[4], 0),
                  '5', coalesce(r.star_counts[5], 0))),
          'created_at', to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'updated_at', to_char(p.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
          FROM products p
          JOIN sellers s ON s.id = p.seller_id
          LEFT JOIN categories c ON c.id = p.category_id
          LEFT JOIN product_ratings r ON r.product_id = p.id
         WHERE p.id = p_id
      $fn$
    `,
    sql`
      CREATE TABLE product_read_model (
      product_id text NOT NULL REFERENCES products (id) ON DELETE CASCADE,
      currency text NOT NULL,
      body text NOT NULL,
      PRIMARY KEY (product_id, currency)
      )
    `,
    // Refreshes hold the products' row locks first (FOR NO KEY UPDATE: foreign-key checks of order
    // lines still pass), so two transactions refreshing one product run one after the other and the
    // second, taking a new snapshot after the first commits, builds from both writes. Without it a
    // rating update racing a seller's edit either failed on the primary key (DELETE saw nothing to
    // delete, INSERT met the other's row) or, with an upsert, overwrote the edit with an old snapshot.
    sql`
      CREATE FUNCTION refresh_product_read_model(ids text[]) RETURNS void
      LANGUAGE plpgsql VOLATILE AS $fn$
      BEGIN
        PERFORM 1 FROM products WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
        DELETE FROM product_read_model WHERE product_id = ANY(ids);
        INSERT INTO product_read_model (product_id, currency, body)
        SELECT p.id, cur.currency, product_document(p.id, nullif(cur.currency, '*'), false)::text
          FROM products p
          CROSS JOIN LATERAL (
            SELECT '*' AS currency
            UNION
            SELECT DISTINCT vp.currency FROM variant_prices vp WHERE vp.product_id = p.id
          ) cur
         WHERE p.id = ANY(ids);
      END
      $fn$
    `,
    // Stock is not in the stored JSON (a placeholder stands for each variant's available_quantity,
    // filled from the variants at read time): a checkout's stock decrement then writes nothing here,
    // so it neither holds read-model row locks under the hot variant's lock (two carts sharing a
    // product would deadlock) nor rebuilds anything. Other variant changes rebuild as usual.
    sql`
      CREATE FUNCTION variants_update_read_model_trigger() RETURNS trigger
      LANGUAGE plpgsql AS $fn$
      BEGIN
        IF current_setting('souk.defer_read_model', true) = 'on' THEN RETURN NULL; END IF;
        PERFORM refresh_product_read_model(ARRAY(
          SELECT DISTINCT n.product_id FROM changed n JOIN previous o ON o.id = n.id
           WHERE (to_jsonb(n) - 'inventory_quantity') IS DISTINCT FROM (to_jsonb(o) - 'inventory_quantity')));
        RETURN NULL;
      END
      $fn$
    `,
    ...SOURCES.flatMap(({ table, products }) => [
      sql.raw(`
        CREATE FUNCTION ${table}_read_model_trigger() RETURNS trigger
        LANGUAGE plpgsql AS $fn$
        BEGIN
          -- A bulk load (the seed) defers to one refresh at its end, in the same transaction.
          IF current_setting('souk.defer_read_model', true) = 'on' THEN RETURN NULL; END IF;
          PERFORM refresh_product_read_model(ARRAY(SELECT DISTINCT x.id FROM (${products}) AS x(id)));
          RETURN NULL;
        END
        $fn$
      `),
      // A transition table belongs to one event, so each event has its own trigger.
      ...(['INSERT', 'UPDATE', 'DELETE'] as const).map((event) =>
        table === 'variants' && event === 'UPDATE'
          ? sql.raw(`
          CREATE TRIGGER variants_read_model_update AFTER UPDATE ON variants
          REFERENCING OLD TABLE AS previous NEW TABLE AS changed
          FOR EACH STATEMENT EXECUTE FUNCTION variants_update_read_model_trigger()
        `)
          : sql.raw(`
          CREATE TRIGGER ${table}_read_model_${event.toLowerCase()} AFTER ${event} ON ${table}
          REFERENCING ${event === 'DELETE' ? 'OLD' : 'NEW'} TABLE AS changed
          FOR EACH STATEMENT EXECUTE FUNCTION ${table}_read_model_trigger()
        `),
      ),
    ]),
    sql`SELECT refresh_product_read_model(ARRAY(SELECT id FROM products))`,
  ];
  // One statement per query: PGlite's extended protocol takes a single statement at a time.
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const { table } of SOURCES) {
    await sql.raw(`DROP FUNCTION ${table}_read_model_trigger() CASCADE`).execute(db);
  }
  await sql`DROP FUNCTION variants_update_read_model_trigger() CASCADE`.execute(db);
  await sql`DROP TABLE product_read_model`.execute(db);
  await sql`DROP FUNCTION refresh_product_read_model(text[])`.execute(db);
  await sql`DROP FUNCTION product_document(text, text, boolean)`.execute(db);
}
