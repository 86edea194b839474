import { type Kysely, sql } from 'kysely';

/**
 * LISTEN/NOTIFY wake-ups for the event pipeline (see `db/notifications.ts`): statement-level triggers
 * send an empty `pg_notify` in the writing transaction, delivered when it commits, so the relay, the
 * embedded bus consumers and the webhook delivery worker start at once instead of polling every
 * 100–250 ms. One notification per statement, not per row, and PostgreSQL folds identical
 * notifications of one transaction into one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`
      CREATE FUNCTION souk_notify() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM pg_notify(TG_ARGV[0], '');
        RETURN NULL;
      END
      $fn$
    `,
    // New outbox rows: the relay has something to publish.
    sql`
      CREATE TRIGGER outbox_events_notify_insert AFTER INSERT ON outbox_events
      FOR EACH STATEMENT EXECUTE FUNCTION souk_notify('souk_outbox')
    `,
    // Rows marked published (the relay's UPDATE): embedded bus consumers have something to read.
    sql`
      CREATE TRIGGER outbox_events_notify_update AFTER UPDATE ON outbox_events
      FOR EACH STATEMENT EXECUTE FUNCTION souk_notify('souk_published')
    `,
    // Deliveries queued, requeued or replayed: the delivery worker may have something due. Only when
    // rows changed: the worker's own claim (an UPDATE that finds nothing) must not wake it again.
    sql`
      CREATE FUNCTION souk_notify_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF EXISTS (SELECT 1 FROM changed) THEN PERFORM pg_notify(TG_ARGV[0], ''); END IF;
        RETURN NULL;
      END
      $fn$
    `,
    sql`
      CREATE TRIGGER webhook_deliveries_notify_insert AFTER INSERT ON webhook_deliveries
      REFERENCING NEW TABLE AS changed
      FOR EACH STATEMENT EXECUTE FUNCTION souk_notify_changed('souk_webhook_deliveries')
    `,
    sql`
      CREATE TRIGGER webhook_deliveries_notify_update AFTER UPDATE ON webhook_deliveries
      REFERENCING NEW TABLE AS changed
      FOR EACH STATEMENT EXECUTE FUNCTION souk_notify_changed('souk_webhook_deliveries')
    `,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER webhook_deliveries_notify_update ON webhook_deliveries`.execute(db);
  await sql`DROP TRIGGER webhook_deliveries_notify_insert ON webhook_deliveries`.execute(db);
  await sql`DROP FUNCTION souk_notify_changed()`.execute(db);
  await sql`DROP TRIGGER outbox_events_notify_update ON outbox_events`.execute(db);
  await sql`DROP TRIGGER outbox_events_notify_insert ON outbox_events`.execute(db);
  await sql`DROP FUNCTION souk_notify()`.execute(db);
}
