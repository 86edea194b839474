import { type Kysely, sql } from 'kysely';

/**
 * The key that signs order watch tokens (a signed-in shopper's short-lived pass to one order's
 * real-time room): one row, written by the first process to ask (a random key), then read by every
 * API and real-time instance on this database, so a token one signed verifies on any other.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE order_watch_key (
      -- Exactly one row: the primary key can only be true.
      id boolean PRIMARY KEY DEFAULT true CHECK (id),
      key bytea NOT NULL CHECK (length(key) >= 32),
      created_at timestamptz(3) NOT NULL DEFAULT now()
    )
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE order_watch_key`.execute(db);
}
