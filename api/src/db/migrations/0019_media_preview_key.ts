import { type Kysely, sql } from 'kysely';

/**
 * The key that signs media preview URLs when `MEDIA_PREVIEW_KEY` is unset: one row, written by the
 * first API process to start on this database (a random key), then read by every instance, so a
 * preview URL one instance signed verifies on any other and survives restarts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE media_preview_key (
      -- Exactly one row: the primary key can only be true.
      id boolean PRIMARY KEY DEFAULT true CHECK (id),
      key bytea NOT NULL CHECK (length(key) >= 32),
      created_at timestamptz(3) NOT NULL DEFAULT now()
    )
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE media_preview_key`.execute(db);
}
