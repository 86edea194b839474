import { type Kysely, sql } from 'kysely';

/**
 * Attribution: who did what (the spec's `Actor` as JSON). Every event names its actor (rows written
 * before this migration read as `system`); the records where it matters name theirs too — null on rows
 * written before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`ALTER TABLE outbox_events ADD COLUMN actor jsonb NOT NULL DEFAULT '{"type":"system"}'`,
    sql`ALTER TABLE fulfillments ADD COLUMN created_by jsonb`,
    sql`ALTER TABLE seller_orders ADD COLUMN cancelled_by jsonb`,
    sql`ALTER TABLE products ADD COLUMN created_by jsonb, ADD COLUMN updated_by jsonb`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE products DROP COLUMN created_by, DROP COLUMN updated_by`.execute(db);
  await sql`ALTER TABLE seller_orders DROP COLUMN cancelled_by`.execute(db);
  await sql`ALTER TABLE fulfillments DROP COLUMN created_by`.execute(db);
  await sql`ALTER TABLE outbox_events DROP COLUMN actor`.execute(db);
}
