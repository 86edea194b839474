import { type Kysely, sql } from 'kysely';

/** Marketplace-wide settings (a single row) and per-seller commission overrides. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`
      CREATE TABLE marketplace_settings (
        -- Exactly one row: the primary key can only be true.
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        default_commission_bps integer NOT NULL DEFAULT 1000 CHECK (default_commission_bps BETWEEN 0 AND 10000),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )
    `,
    sql`INSERT INTO marketplace_settings (id) VALUES (true)`,
    sql`ALTER TABLE sellers ADD COLUMN commission_bps integer CHECK (commission_bps BETWEEN 0 AND 10000)`,
    sql`CREATE INDEX sellers_created_idx ON sellers (created_at DESC, id DESC)`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX sellers_created_idx`.execute(db);
  await sql`ALTER TABLE sellers DROP COLUMN commission_bps`.execute(db);
  await sql`DROP TABLE marketplace_settings`.execute(db);
}
