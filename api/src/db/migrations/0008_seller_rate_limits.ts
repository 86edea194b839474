import { type Kysely, sql } from 'kysely';

/** The operator's per-seller API quota overrides (rate limits). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE seller_rate_limits (
      seller_id text PRIMARY KEY REFERENCES sellers (id) ON DELETE CASCADE,
      requests_per_minute integer NOT NULL CHECK (requests_per_minute > 0),
      updated_at timestamptz(3) NOT NULL DEFAULT now()
    )
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE seller_rate_limits`.execute(db);
}
