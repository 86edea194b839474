import { type Kysely, sql } from 'kysely';

/** Catalog: sellers, a category tree, products with options, variants, prices and search. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`
      CREATE TABLE sellers (
      id text PRIMARY KEY,
      handle text NOT NULL UNIQUE CHECK (handle ~ '^[a-z0-9][a-z0-9-]{0,99}$'),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      description text,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'active', 'suspended')),
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      updated_at timestamptz(3) NOT NULL DEFAULT now()
      )
    `,
    sql`
      CREATE TABLE categories (
      id text PRIMARY KEY,
      handle text NOT NULL UNIQUE CHECK (handle ~ '^[a-z0-9][a-z0-9-]{0,99}$'),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      parent_id text REFERENCES categories (id) ON DELETE RESTRICT,
      rank integer NOT NULL DEFAULT 0,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      CHECK (parent_id IS DISTINCT FROM id)
      )
    `,
    sql`
      CREATE INDEX categories_parent_idx ON categories (parent_id)
    `,
    sql`
      CREATE TABLE products (
      id text PRIMARY KEY,
      handle text NOT NULL UNIQUE CHECK (handle ~ '^[a-z0-9][a-z0-9-]{0,99}$'),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
      description text,
      seller_id text NOT NULL REFERENCES sellers (id) ON DELETE RESTRICT,
      category_id text REFERENCES categories (id) ON DELETE SET NULL,
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
      attributes jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(attributes) = 'object'),
      images jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(images) = 'array'),
      search_vector tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('english', title), 'A') ||
      setweight(to_tsvector('english', coalesce(description, '')), 'B')
      ) STORED,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      updated_at timestamptz(3) NOT NULL DEFAULT now()
      )
    `,
    sql`
      -- Storefront listings only ever read published products; partial indexes keep them small.
      CREATE INDEX products_newest_idx ON products (created_at DESC, id DESC) WHERE status = 'published'
    `,
    sql`
      CREATE INDEX products_seller_idx ON products (seller_id, created_at DESC, id DESC) WHERE status = 'published'
    `,
    sql`
      CREATE INDEX products_category_idx ON products (category_id, created_at DESC, id DESC) WHERE status = 'published'
    `,
    sql`
      CREATE INDEX products_search_idx ON products USING gin (search_vector)
    `,
    sql`
      CREATE TABLE product_options (
      id text PRIMARY KEY,
      product_id text NOT NULL REFERENCES products (id) ON DELETE CASCADE,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      values text[] NOT NULL,
      position integer NOT NULL,
      UNIQUE (product_id, name)
      )
    `,
    sql`
      CREATE TABLE variants (
      id text PRIMARY KEY,
      product_id text NOT NULL REFERENCES products (id) ON DELETE CASCADE,
      sku text NOT NULL UNIQUE CHECK (length(sku) BETWEEN 1 AND 100),
      title text NOT NULL,
      options jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(options) = 'object'),
      inventory_quantity integer NOT NULL DEFAULT 0 CHECK (inventory_quantity >= 0),
      position integer NOT NULL,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      UNIQUE (id, product_id)
      )
    `,
    sql`
      CREATE INDEX variants_product_idx ON variants (product_id, position)
    `,
    sql`
      CREATE TABLE variant_prices (
      variant_id text NOT NULL,
      product_id text NOT NULL,
      currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
      amount bigint NOT NULL CHECK (amount >= 0 AND amount <= 999999999999),
      PRIMARY KEY (variant_id, currency),
      FOREIGN KEY (variant_id, product_id) REFERENCES variants (id, product_id) ON DELETE CASCADE
      )
    `,
    sql`
      CREATE INDEX variant_prices_product_idx ON variant_prices (product_id, currency, amount)
    `,
    sql`
      CREATE TABLE product_price_ranges (
      product_id text NOT NULL REFERENCES products (id) ON DELETE CASCADE,
      currency text NOT NULL,
      min_amount bigint NOT NULL,
      max_amount bigint NOT NULL,
      PRIMARY KEY (product_id, currency),
      CHECK (min_amount <= max_amount)
      )
    `,
    sql`
      CREATE INDEX product_price_ranges_sort_idx ON product_price_ranges (currency, min_amount, product_id)
    `,
  ];
  // One statement per query: PGlite's extended protocol takes a single statement at a time.
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE product_price_ranges, variant_prices, variants, product_options, products, categories, sellers;
  `.execute(db);
}
