import { type Kysely, sql } from 'kysely';

/** Storefront carts and their lines, flat shipping rates per seller and currency, tax rates per country. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`
      CREATE TABLE carts (
        -- An unguessable capability ('cart_' + 22 base62 characters), not a ULID: holding it is access.
        id text PRIMARY KEY CHECK (id ~ '^cart_[0-9A-Za-z]{22}$'),
        currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        email text CHECK (length(email) BETWEEN 3 AND 254),
        shipping_address jsonb CHECK (shipping_address IS NULL OR jsonb_typeof(shipping_address) = 'object'),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed')),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        completed_at timestamptz(3),
        CHECK ((status = 'completed') = (completed_at IS NOT NULL))
      )
    `,
    sql`
      CREATE TABLE cart_items (
        id text PRIMARY KEY,
        cart_id text NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
        variant_id text NOT NULL REFERENCES variants (id) ON DELETE CASCADE,
        -- The per-line business limit lives here too, so no code path can store more.
        quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 100),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (cart_id, variant_id)
      )
    `,
    // Deleting a variant cascades to cart lines: the index keeps that from scanning every line.
    sql`CREATE INDEX cart_items_variant_idx ON cart_items (variant_id)`,
    sql`
      CREATE TABLE shipping_rates (
        seller_id text NOT NULL REFERENCES sellers (id) ON DELETE CASCADE,
        currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        amount bigint NOT NULL CHECK (amount >= 0 AND amount <= 999999999999),
        PRIMARY KEY (seller_id, currency)
      )
    `,
    sql`
      CREATE TABLE tax_rates (
        country text PRIMARY KEY CHECK (country ~ '^[A-Z]{2}$'),
        rate_bps integer NOT NULL CHECK (rate_bps BETWEEN 0 AND 10000),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200)
      )
    `,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE tax_rates, shipping_rates, cart_items, carts`.execute(db);
}
