import type { Insertable, Kysely } from 'kysely';
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

/** An outbox row as written. */
export type OutboxRow = Insertable<Database['outbox_events']>;

/**
 * The outbox rows of these events, for a statement that writes them together with the change they
 * describe (checkout's order statement): what `recordEvents` inserts.
 */
export function outboxRows(events: readonly DomainEvent[]): OutboxRow[] {
  const actor = JSON.stringify(currentActor());
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
