import type { Selectable } from 'kysely';
import type { BusEvent } from './bus.js';
import type { OutboxEventsTable } from './events.table.js';

/** The published form of an outbox row: the envelope of the spec's `webhooks` plus its origin. */
export function toBusEvent(row: Selectable<OutboxEventsTable>): BusEvent {
  return {
    id: row.id,
    type: row.type,
    version: row.version,
    occurred_at: new Date(row.occurred_at).toISOString(),
    seller_id: row.seller_id,
    aggregate_type: row.aggregate_type,
    aggregate_id: row.aggregate_id,
    data: row.data,
    position: Number(row.position),
  };
}

/** The envelope a webhook receiver gets: exactly the fields the spec's event schemas declare. */
export function toEnvelope(event: BusEvent) {
  return {
    id: event.id,
    type: event.type,
    version: event.version,
    occurred_at: event.occurred_at,
    seller_id: event.seller_id,
    data: event.data,
  };
}
