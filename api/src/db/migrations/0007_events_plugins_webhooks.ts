import { type Kysely, sql } from 'kysely';

/**
 * The event relay's publication log, the plugin runner's bookkeeping, and the webhooks plugin's
 * endpoints, secrets, deliveries and attempts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    // Dense, gap-free order in which the relay published events. Positions are not enough: they are
    // taken at insert time, so a later position can commit first; a reader following positions would
    // skip the slower one. The relay assigns published_seq under one lock, so readers never miss a row.
    sql`ALTER TABLE outbox_events ADD COLUMN published_seq bigint`,
    sql`CREATE UNIQUE INDEX outbox_events_published_seq_idx ON outbox_events (published_seq)`,
    sql`CREATE INDEX outbox_events_occurred_idx ON outbox_events (occurred_at, position)`,
    // One row per relay stream; the relay that holds its row lock is the one that publishes.
    sql`CREATE TABLE outbox_relay_leases (name text PRIMARY KEY)`,
    sql`INSERT INTO outbox_relay_leases (name) VALUES ('default')`,
    // Offsets of consumer groups of the embedded bus (Kafka keeps its own).
    sql`
      CREATE TABLE bus_consumer_offsets (
        group_name text PRIMARY KEY,
        published_seq bigint NOT NULL,
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )
    `,
    sql`
      CREATE TABLE plugin_processed_events (
        plugin text NOT NULL,
        event_id text NOT NULL,
        processed_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (plugin, event_id)
      )
    `,
    sql`
      CREATE TABLE plugin_dead_letters (
        plugin text NOT NULL,
        event_id text NOT NULL,
        event_type text NOT NULL,
        event jsonb NOT NULL,
        error text NOT NULL,
        attempts integer NOT NULL,
        failed_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (plugin, event_id)
      )
    `,
    sql`
      CREATE TABLE webhook_endpoints (
        id text PRIMARY KEY,
        -- 'operator' (every event) or a seller id (that seller's events).
        owner text NOT NULL,
        url text NOT NULL,
        event_types text[] NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        description text,
        disabled_reason text CHECK (disabled_reason IN ('manual', 'failing')),
        failing_since timestamptz(3),
        last_error text,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )
    `,
    sql`CREATE INDEX webhook_endpoints_owner_idx ON webhook_endpoints (owner, created_at)`,
    sql`
      CREATE TABLE webhook_secrets (
        id text PRIMARY KEY,
        endpoint_id text NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
        -- Kept readable: signing needs the secret itself (an HMAC key cannot be a hash).
        secret text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        expires_at timestamptz(3)
      )
    `,
    sql`CREATE INDEX webhook_secrets_endpoint_idx ON webhook_secrets (endpoint_id, created_at)`,
    sql`
      CREATE TABLE webhook_deliveries (
        id text PRIMARY KEY,
        endpoint_id text NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
        event_id text NOT NULL,
        event_type text NOT NULL,
        event_position bigint NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
        attempt_count integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz(3),
        -- A worker that took the delivery holds it until then; after a crash another worker retries it.
        locked_until timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (endpoint_id, event_id)
      )
    `,
    sql`CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`,
    // The worker's per-endpoint questions ("its oldest due one", "one in flight?") over pending rows
    // only: succeeded deliveries pile up in the log and must not be scanned each round.
    sql`CREATE INDEX webhook_deliveries_pending_idx ON webhook_deliveries (endpoint_id, next_attempt_at, event_position) WHERE status = 'pending'`,
    sql`CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, created_at DESC, id DESC)`,
    sql`
      CREATE TABLE webhook_attempts (
        delivery_id text NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
        number integer NOT NULL,
        started_at timestamptz(3) NOT NULL,
        status_code integer,
        latency_ms integer NOT NULL,
        response_excerpt text,
        error text,
        PRIMARY KEY (delivery_id, number)
      )
    `,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE webhook_attempts, webhook_deliveries, webhook_secrets, webhook_endpoints`.execute(db);
  await sql`DROP TABLE plugin_dead_letters, plugin_processed_events, bus_consumer_offsets, outbox_relay_leases`.execute(
    db,
  );
  await sql`DROP INDEX outbox_events_occurred_idx`.execute(db);
  await sql`ALTER TABLE outbox_events DROP COLUMN published_seq`.execute(db);
}
