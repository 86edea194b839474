import type { Selectable } from 'kysely';
import type { Actor } from '../../lib/actor.js';
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
    actor: row.actor,
    aggregate_type: row.aggregate_type,
    aggregate_id: row.aggregate_id,
    data: row.data,
    position: Number(row.position),
  };
}

/** An event as receivers get it: exactly the fields the spec's event schemas declare. */
export interface EventEnvelope {
  id: string;
  type: string;
  version: number;
  occurred_at: string;
  seller_id: string | null;
  /** Who caused it (`Actor`). */
  actor: Actor;
  data: Record<string, unknown>;
}

/** The envelope of a published event or of an outbox row (`occurred_at` as an ISO string). */
export function toEnvelope(
  event: Omit<EventEnvelope, 'occurred_at'> & { occurred_at: Date | string },
): EventEnvelope {
  return {
    id: event.id,
    type: event.type,
    version: event.version,
    occurred_at: typeof event.occurred_at === 'string' ? event.occurred_at : event.occurred_at.toISOString(),
    seller_id: event.seller_id,
    actor: event.actor,
    data: event.data,
  };
}
