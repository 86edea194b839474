import { type Kysely, sql } from 'kysely';

/** Orders split per seller, their payments, fulfilments, the double-entry ledger and payouts. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`
      CREATE TABLE orders (
        id text PRIMARY KEY,
        -- One order per cart: a second checkout of the same cart can never create another.
        cart_id text NOT NULL UNIQUE,
        currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        email text NOT NULL,
        shipping_address jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('placed', 'partially_fulfilled', 'fulfilled', 'cancelled')),
        subtotal bigint NOT NULL CHECK (subtotal >= 0),
        shipping bigint NOT NULL CHECK (shipping >= 0),
        tax bigint NOT NULL CHECK (tax >= 0),
        total bigint NOT NULL CHECK (total = subtotal + shipping + tax),
        access_token_hash text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )
    `,
    sql`CREATE INDEX orders_created_idx ON orders (created_at DESC, id DESC)`,
    sql`
      CREATE TABLE payments (
        id text PRIMARY KEY,
        order_id text NOT NULL UNIQUE REFERENCES orders (id),
        provider text NOT NULL,
        provider_ref text NOT NULL,
        currency text NOT NULL,
        authorized_amount bigint NOT NULL CHECK (authorized_amount > 0),
        captured_amount bigint NOT NULL DEFAULT 0 CHECK (captured_amount >= 0),
        voided_amount bigint NOT NULL DEFAULT 0 CHECK (voided_amount >= 0),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (captured_amount + voided_amount <= authorized_amount)
      )
    `,
    sql`
      CREATE TABLE seller_orders (
        id text PRIMARY KEY,
        order_id text NOT NULL REFERENCES orders (id),
        seller_id text NOT NULL REFERENCES sellers (id),
        status text NOT NULL CHECK (status IN ('open', 'partially_fulfilled', 'fulfilled', 'cancelled')),
        payment_status text NOT NULL CHECK (payment_status IN ('authorized', 'captured', 'voided')),
        currency text NOT NULL,
        subtotal bigint NOT NULL CHECK (subtotal >= 0),
        shipping bigint NOT NULL CHECK (shipping >= 0),
        tax bigint NOT NULL CHECK (tax >= 0),
        total bigint NOT NULL CHECK (total = subtotal + shipping + tax),
        commission_bps integer NOT NULL CHECK (commission_bps BETWEEN 0 AND 10000),
        commission_amount bigint NOT NULL CHECK (commission_amount BETWEEN 0 AND subtotal),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (order_id, seller_id)
      )
    `,
    sql`CREATE INDEX seller_orders_seller_idx ON seller_orders (seller_id, created_at DESC, id DESC)`,
    sql`
      CREATE TABLE order_lines (
        id text PRIMARY KEY,
        seller_order_id text NOT NULL REFERENCES seller_orders (id),
        -- Snapshots: the line stays readable when the product or variant is later changed or deleted.
        variant_id text REFERENCES variants (id) ON DELETE SET NULL,
        product_id text REFERENCES products (id) ON DELETE SET NULL,
        sku text NOT NULL,
        product_title text NOT NULL,
        variant_title text NOT NULL,
        unit_price bigint NOT NULL CHECK (unit_price >= 0),
        quantity integer NOT NULL CHECK (quantity > 0),
        subtotal bigint NOT NULL CHECK (subtotal = unit_price * quantity),
        fulfilled_quantity integer NOT NULL DEFAULT 0 CHECK (fulfilled_quantity BETWEEN 0 AND quantity),
        position integer NOT NULL
      )
    `,
    sql`CREATE INDEX order_lines_seller_order_idx ON order_lines (seller_order_id, position)`,
    sql`
      CREATE TABLE fulfillments (
        id text PRIMARY KEY,
        seller_order_id text NOT NULL REFERENCES seller_orders (id),
        carrier text NOT NULL,
        tracking_number text NOT NULL,
        lines jsonb NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )
    `,
    sql`CREATE INDEX fulfillments_seller_order_idx ON fulfillments (seller_order_id, created_at)`,
    sql`
      CREATE TABLE payouts (
        id text PRIMARY KEY,
        seller_id text NOT NULL REFERENCES sellers (id),
        currency text NOT NULL,
        amount bigint NOT NULL CHECK (amount > 0),
        status text NOT NULL CHECK (status IN ('paid')),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )
    `,
    sql`CREATE INDEX payouts_seller_idx ON payouts (seller_id, created_at DESC, id DESC)`,
    sql`
      CREATE TABLE ledger_transactions (
        id text PRIMARY KEY,
        kind text NOT NULL,
        order_id text REFERENCES orders (id),
        seller_order_id text REFERENCES seller_orders (id),
        payout_id text REFERENCES payouts (id),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )
    `,
    sql`
      CREATE TABLE ledger_entries (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        transaction_id text NOT NULL REFERENCES ledger_transactions (id),
        account text NOT NULL,
        seller_id text REFERENCES sellers (id),
        currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        -- Debits positive, credits negative: the entries of a transaction sum to zero per currency.
        amount bigint NOT NULL CHECK (amount <> 0)
      )
    `,
    sql`CREATE INDEX ledger_entries_account_idx ON ledger_entries (account, seller_id, currency)`,
    sql`CREATE INDEX ledger_entries_transaction_idx ON ledger_entries (transaction_id)`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE ledger_entries, ledger_transactions, payouts, fulfillments, order_lines, seller_orders, payments, orders`.execute(
    db,
  );
}
