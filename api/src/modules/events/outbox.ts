import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { currentActor } from '../../lib/actor.js';
import { newId } from '../../lib/ids.js';
import type { EventData, EventType } from './event-types.js';

/**
 * A domain event about to be recorded, typed where it is built: `type` names one of the spec's
 * `webhooks` and `data` must be that event's payload, so a wrong payload fails `tsc`.
 * `DomainEvent` alone is the union of every event type (each with its own payload).
 */
export type DomainEvent<T extends EventType = EventType> = {
  [K in T]: {
    type: K;
    aggregateType: string;
    aggregateId: string;
    sellerId?: string | null;
    data: EventData<K>;
    version?: number;
  };
}[T];

/** An outbox row as `outboxRows` makes it (every column it writes; `data` and `actor` as JSON text). */
interface OutboxRow {
  id: string;
  type: string;
  version: number;
  aggregate_type: string;
  aggregate_id: string;
  seller_id: string | null;
  data: string;
  actor: string;
}

/**
 * The outbox rows of these events (`actor`: the current actor as JSON text): what `recordEvents`
 * inserts, and what `outboxColumns` passes as arrays.
 */
function outboxRows(events: readonly DomainEvent[], actor = JSON.stringify(currentActor())): OutboxRow[] {
  return events.map((e) => ({
    id: newId('evt'),
    type: e.type,
    version: e.version ?? 1,
    aggregate_type: e.aggregateType,
    aggregate_id: e.aggregateId,
    seller_id: e.sellerId ?? null,
    data: JSON.stringify(e.data),
    actor,
  }));
}

/** Outbox rows as one array per column (the actor once), for `outboxInsert`. */
export interface OutboxColumns {
  eventId: string[];
  eventType: string[];
  eventVersion: number[];
  eventAggregateType: string[];
  eventAggregateId: string[];
  eventSellerId: (string | null)[];
  /** Each payload as JSON text. */
  eventData: string[];
  /** The actor as JSON text. */
  eventActor: string;
}

/** The columns of these events' outbox rows (`outboxRows`, one array per column). */
export function outboxColumns(events: readonly DomainEvent[]): OutboxColumns {
  const actor = JSON.stringify(currentActor());
  const rows = outboxRows(events, actor);
  return {
    eventId: rows.map((r) => r.id),
    eventType: rows.map((r) => r.type),
    eventVersion: rows.map((r) => r.version),
    eventAggregateType: rows.map((r) => r.aggregate_type),
    eventAggregateId: rows.map((r) => r.aggregate_id),
    eventSellerId: rows.map((r) => r.seller_id),
    eventData: rows.map((r) => r.data),
    eventActor: actor,
  };
}

/**
 * The insert of these outbox rows, in their order, for a data-modifying CTE of the statement that
 * makes the change they describe (checkout's order statement). Arrays, so the text never varies.
 */
export function outboxInsert(p: OutboxColumns) {
  return sql`INSERT INTO outbox_events (id, type, version, aggregate_type, aggregate_id, seller_id, data, actor)
    SELECT e.id, e.type, e.version, e.aggregate_type, e.aggregate_id, e.seller_id, e.data::jsonb, ${p.eventActor}::jsonb
      FROM unnest(${p.eventId}::text[], ${p.eventType}::text[], ${p.eventVersion}::int[],
                  ${p.eventAggregateType}::text[], ${p.eventAggregateId}::text[], ${p.eventSellerId}::text[],
                  ${p.eventData}::text[])
        AS e(id, type, version, aggregate_type, aggregate_id, seller_id, data)`;
}

/**
 * Writes events to the outbox. Call it with the transaction that makes the change the events
 * describe: they commit together or not at all, and a relay publishes them afterwards.
 */
export async function recordEvents(trx: Kysely<Database>, events: readonly DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  await trx.insertInto('outbox_events').values(outboxRows(events)).execute();
}

/** Events of one aggregate in commit order (tests and the future relay read them this way). */
export async function eventsOf(db: Kysely<Database>, aggregateId: string) {
  return db
    .selectFrom('outbox_events')
    .selectAll()
    .where('aggregate_id', '=', aggregateId)
    .orderBy('position')
    .execute();
}

/** Position of the newest committed event (0 when none): any committed change moves it. */
export async function latestEventPosition(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('outbox_events')
    .select((eb) => eb.fn.max('position').as('last'))
    .executeTakeFirst();
  return Number(row?.last ?? 0);
}
