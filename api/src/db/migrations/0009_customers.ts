import { type Kysely, sql } from 'kysely';

/**
 * Customer accounts (one per Firebase user), their saved addresses, and the link from carts and
 * orders to the account that owns them (null for guests).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`
      CREATE TABLE customers (
        id text PRIMARY KEY,
        -- The Firebase uid: the identity provider's stable id of the person.
        firebase_uid text NOT NULL UNIQUE CHECK (length(firebase_uid) BETWEEN 1 AND 128),
        email text CHECK (length(email) BETWEEN 3 AND 254),
        email_verified boolean NOT NULL DEFAULT false,
        phone text CHECK (length(phone) BETWEEN 3 AND 32),
        name text CHECK (length(name) BETWEEN 1 AND 200),
        sign_in_provider text NOT NULL,
        providers jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(providers) = 'array'),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )
    `,
    // Claiming guest orders matches on the verified email, whatever its case.
    sql`CREATE INDEX customers_email_idx ON customers (lower(email))`,
    sql`
      CREATE TABLE customer_addresses (
        id text PRIMARY KEY,
        customer_id text NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
        label text CHECK (length(label) BETWEEN 1 AND 60),
        is_default boolean NOT NULL DEFAULT false,
        address jsonb NOT NULL CHECK (jsonb_typeof(address) = 'object'),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )
    `,
    sql`CREATE INDEX customer_addresses_customer_idx ON customer_addresses (customer_id, created_at DESC)`,
    // At most one default per customer, enforced where no code path can get around it.
    sql`CREATE UNIQUE INDEX customer_addresses_one_default ON customer_addresses (customer_id) WHERE is_default`,
    sql`ALTER TABLE carts ADD COLUMN customer_id text REFERENCES customers (id) ON DELETE SET NULL`,
    // One active cart per customer: a merge or attach can never leave two.
    sql`CREATE UNIQUE INDEX carts_customer_active ON carts (customer_id) WHERE status = 'active' AND customer_id IS NOT NULL`,
    sql`ALTER TABLE orders ADD COLUMN customer_id text REFERENCES customers (id) ON DELETE SET NULL`,
    sql`CREATE INDEX orders_customer_idx ON orders (customer_id, created_at DESC, id DESC) WHERE customer_id IS NOT NULL`,
    // Guest orders are claimed by email.
    sql`CREATE INDEX orders_guest_email_idx ON orders (lower(email)) WHERE customer_id IS NULL`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE orders DROP COLUMN customer_id`.execute(db);
  await sql`ALTER TABLE carts DROP COLUMN customer_id`.execute(db);
  await sql`DROP TABLE customer_addresses`.execute(db);
  await sql`DROP TABLE customers`.execute(db);
}
