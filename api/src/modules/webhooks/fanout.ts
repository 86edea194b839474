import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { type EventEnvelope, toEnvelope } from '../events/index.js';
import { queueEventDeliveries, queueEventsDeliveries } from './deliveries.repository.js';

/**
 * The webhooks plugin's fan-out: queues one pending delivery, due now, for every enabled endpoint that
 * receives the event — operator endpoints every event, a seller's endpoints events whose `seller_id`
 * is that seller — and subscribes to its type (`*` or the type). One statement; an endpoint that
 * already has the event keeps its delivery, so handling an event twice queues nothing twice.
 * Returns how many deliveries were queued.
 */
export function queueDeliveriesForEvent(
  trx: Kysely<Database>,
  event: EventEnvelope & { position: number },
  now: Date = new Date(),
): Promise<number> {
  const { position, ...rest } = event;
  return queueEventDeliveries(trx, { envelope: toEnvelope(rest), position }, now);
}

/** `queueDeliveriesForEvent` for a run of events, in one statement (the plugin's batch handler). */
export function queueDeliveriesForEvents(
  trx: Kysely<Database>,
  events: ReadonlyArray<EventEnvelope & { position: number }>,
  now: Date = new Date(),
): Promise<number> {
  return queueEventsDeliveries(
    trx,
    events.map(({ position, ...rest }) => ({ envelope: toEnvelope(rest), position })),
    now,
  );
}
