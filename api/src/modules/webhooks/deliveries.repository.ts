import { type Kysely, type RawBuilder, sql } from 'kysely';
import { encodeTime } from 'ulid';
import type { Database } from '../../db/schema.js';
import type { Keyset } from '../../lib/cursor.js';
import type { EventEnvelope } from '../events/index.js';
import type { WebhookDeliveryStatus } from './webhooks.table.js';

type Db = Kysely<Database>;

const DELIVERY_COLUMNS = [
  'id',
  'endpoint_id',
  'event_id',
  'event_type',
  'status',
  'attempt_count',
  'next_attempt_at',
  'created_at',
] as const;

/** A page of an endpoint's deliveries, newest first (`created_at DESC, id DESC`). */
export function listDeliveries(
  db: Db,
  filter: { endpointId: string; status?: WebhookDeliveryStatus; after?: Keyset; limit: number },
) {
  return db
    .selectFrom('webhook_deliveries as d')
    .select(DELIVERY_COLUMNS.map((c) => `d.${c}` as const))
    .where('d.endpoint_id', '=', filter.endpointId)
    .$if(filter.status !== undefined, (q) => q.where('d.status', '=', filter.status ?? 'pending'))
    .$if(filter.after !== undefined, (q) =>
      q.where(
        sql<boolean>`(d.created_at, d.id) < (${filter.after?.sortKey}::timestamptz, ${filter.after?.id})`,
      ),
    )
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(filter.limit)
    .execute();
}

export type DeliveryRow = Awaited<ReturnType<typeof listDeliveries>>[number];

/** The attempts of several deliveries in one query, oldest first within each delivery. */
export function attemptsOf(db: Db, deliveryIds: readonly string[]) {
  if (deliveryIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('webhook_attempts')
    .selectAll()
    .where('delivery_id', 'in', deliveryIds)
    .orderBy('delivery_id')
    .orderBy('number')
    .execute();
}

export type AttemptRow = Awaited<ReturnType<typeof attemptsOf>>[number];

/** Queues one delivery of an endpoint for an attempt now; undefined when the endpoint has no such delivery. */
export async function requeueDelivery(db: Db, endpointId: string, deliveryId: string, now: Date) {
  return db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', next_attempt_at: now, locked_until: null, updated_at: now })
    .where('endpoint_id', '=', endpointId)
    .where('id', '=', deliveryId)
    .returning(DELIVERY_COLUMNS)
    .executeTakeFirst();
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A delivery id made in SQL for set-based inserts: `whd_` + the caller's 10-character ULID time part
 * (`timePart`), then the row's ordinal in base32 (6 characters, so ids of one statement sort in the
 * order rows were produced) and 10 random characters.
 */
function deliveryIdSql(timePart: string, ordinal: RawBuilder<number>): RawBuilder<string> {
  const digits = [25, 20, 15, 10, 5, 0].map(
    (shift) => sql`substr(${CROCKFORD}::text, ((${ordinal} >> ${sql.lit(shift)}) & 31)::int + 1, 1)`,
  );
  return sql<string>`${`whd_${timePart}`}::text || ${sql.join(digits, sql` || `)} || upper(substr(md5(random()::text || clock_timestamp()::text), 1, 10))`;
}

/** The first 10 characters of a ULID: the millisecond time, base32. */
export function ulidTimePart(now: Date): string {
  return encodeTime(now.getTime(), 10);
}

/** The subscription test of an endpoint row `ep` for an event type expression. */
const subscribes = (type: RawBuilder<string> | string) =>
  sql<boolean>`('*' = ANY(ep.event_types) OR ${type}::text = ANY(ep.event_types))`;

/**
 * Queues (again) every event of [from, to) the endpoint may see and subscribes to, in one statement:
 * new deliveries are inserted, existing ones set back to pending and due now. Returns how many.
 */
export async function queueReplay(
  db: Db,
  endpoint: { id: string; owner: string; event_types: string[] },
  range: { from: Date; to: Date },
  now: Date,
): Promise<number> {
  const visible = endpoint.owner === 'operator' ? sql`true` : sql`e.seller_id = ${endpoint.owner}::text`;
  const ordinal = sql<number>`row_number() OVER (ORDER BY e.position)`;
  const result = await sql<{ n: number }>`
    WITH queued AS (
      INSERT INTO webhook_deliveries
        (id, endpoint_id, event_id, event_type, event_position, payload, status, next_attempt_at, created_at, updated_at)
      SELECT ${deliveryIdSql(ulidTimePart(now), ordinal)}, ep.id, e.id, e.type, e.position,
        jsonb_build_object(
          'id', e.id, 'type', e.type, 'version', e.version,
          'occurred_at', to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'seller_id', e.seller_id, 'actor', e.actor, 'data', e.data),
        'pending', ${now}::timestamptz, ${now}::timestamptz, ${now}::timestamptz
      FROM outbox_events e
      JOIN webhook_endpoints ep ON ep.id = ${endpoint.id}::text
      WHERE e.occurred_at >= ${range.from}::timestamptz AND e.occurred_at < ${range.to}::timestamptz
        AND ${visible} AND ${subscribes(sql`e.type`)}
      ORDER BY e.position
      ON CONFLICT (endpoint_id, event_id) DO UPDATE
        SET status = 'pending', next_attempt_at = excluded.next_attempt_at, locked_until = NULL,
            updated_at = excluded.updated_at
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM queued
  `.execute(db);
  return result.rows[0]?.n ?? 0;
}

/**
 * Inserts one pending delivery, due now, for every enabled endpoint that receives the event
 * (operator endpoints: every event; seller endpoints: that seller's), in one statement; an endpoint
 * that already has the event keeps its delivery (at-least-once fan-out is idempotent). Returns how many.
 */
export async function queueEventDeliveries(
  db: Db,
  event: { envelope: EventEnvelope; position: number },
  now: Date,
): Promise<number> {
  const { envelope } = event;
  const ordinal = sql<number>`row_number() OVER (ORDER BY ep.created_at, ep.id)`;
  const result = await sql<{ n: number }>`
    WITH queued AS (
      INSERT INTO webhook_deliveries
        (id, endpoint_id, event_id, event_type, event_position, payload, status, next_attempt_at, created_at, updated_at)
      SELECT ${deliveryIdSql(ulidTimePart(now), ordinal)}, ep.id, ${envelope.id}::text, ${envelope.type}::text,
        ${event.position}::bigint,
        ${JSON.stringify(envelope)}::jsonb, 'pending', ${now}::timestamptz, ${now}::timestamptz, ${now}::timestamptz
      FROM webhook_endpoints ep
      WHERE ep.enabled
        AND (ep.owner = 'operator' OR ep.owner = ${envelope.seller_id}::text)
        AND ${subscribes(envelope.type)}
      ON CONFLICT (endpoint_id, event_id) DO NOTHING
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM queued
  `.execute(db);
  return result.rows[0]?.n ?? 0;
}

/**
 * `queueEventDeliveries` for a run of events in one statement: every event's deliveries, to every
 * enabled endpoint that receives it, with ids in event order. Returns how many were queued.
 */
export async function queueEventsDeliveries(
  db: Db,
  events: ReadonlyArray<{ envelope: EventEnvelope; position: number }>,
  now: Date,
): Promise<number> {
  if (events.length === 0) return 0;
  const ids = events.map((e) => e.envelope.id);
  const types = events.map((e) => e.envelope.type);
  const positions = events.map((e) => e.position);
  const sellers = events.map((e) => e.envelope.seller_id);
  const payloads = events.map((e) => JSON.stringify(e.envelope));
  const ordinal = sql<number>`row_number() OVER (ORDER BY ev.ord, ep.created_at, ep.id)`;
  const result = await sql<{ n: number }>`
    WITH queued AS (
      INSERT INTO webhook_deliveries
        (id, endpoint_id, event_id, event_type, event_position, payload, status, next_attempt_at, created_at, updated_at)
      SELECT ${deliveryIdSql(ulidTimePart(now), ordinal)}, ep.id, ev.id, ev.type, ev.position,
        ev.payload, 'pending', ${now}::timestamptz, ${now}::timestamptz, ${now}::timestamptz
      FROM unnest(${ids}::text[], ${types}::text[], ${positions}::bigint[], ${sellers}::text[],
          ${payloads}::jsonb[]) WITH ORDINALITY AS ev(id, type, position, seller_id, payload, ord)
      JOIN webhook_endpoints ep ON ep.enabled
        AND (ep.owner = 'operator' OR ep.owner = ev.seller_id)
        AND ${subscribes(sql`ev.type`)}
      ON CONFLICT (endpoint_id, event_id) DO NOTHING
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM queued
  `.execute(db);
  return result.rows[0]?.n ?? 0;
}
