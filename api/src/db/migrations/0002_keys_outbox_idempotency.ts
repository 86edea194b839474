import { type Kysely, sql } from 'kysely';

/** API keys, the transactional outbox of domain events, and idempotency records. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`
      CREATE TABLE api_keys (
        id text PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('publishable', 'seller', 'operator')),
        seller_id text REFERENCES sellers (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        -- The first characters of the key, shown in listings so people can tell keys apart.
        prefix text NOT NULL,
        -- sha256 of the whole key; the key itself is never stored.
        hash text NOT NULL UNIQUE,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        revoked_at timestamptz(3),
        last_used_at timestamptz(3),
        CHECK ((kind = 'seller') = (seller_id IS NOT NULL))
      )
    `,
    sql`CREATE INDEX api_keys_seller_idx ON api_keys (seller_id) WHERE seller_id IS NOT NULL`,
    sql`
      CREATE TABLE outbox_events (
        -- Commit order of events; the relay publishes in this order.
        position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id text NOT NULL UNIQUE,
        type text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        aggregate_type text NOT NULL,
        aggregate_id text NOT NULL,
        seller_id text,
        data jsonb NOT NULL,
        occurred_at timestamptz(3) NOT NULL DEFAULT now(),
        published_at timestamptz(3)
      )
    `,
    sql`CREATE INDEX outbox_events_unpublished_idx ON outbox_events (position) WHERE published_at IS NULL`,
    sql`CREATE INDEX outbox_events_aggregate_idx ON outbox_events (aggregate_id, position)`,
    sql`
      CREATE TABLE idempotency_keys (
        -- Who sent the key (the API key id) and the key: the same key from two clients never collides.
        scope text NOT NULL,
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
        operation text NOT NULL,
        request_hash text NOT NULL,
        status text NOT NULL CHECK (status IN ('in_progress', 'completed')),
        response_status integer,
        response_body jsonb,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        locked_until timestamptz(3) NOT NULL,
        PRIMARY KEY (scope, key)
      )
    `,
    sql`CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at)`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE idempotency_keys, outbox_events, api_keys`.execute(db);
}
