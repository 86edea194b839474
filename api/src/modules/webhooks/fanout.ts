import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { type EventEnvelope, queueEventDeliveries } from './deliveries.repository.js';

export type { EventEnvelope } from './deliveries.repository.js';

/** An outbox row, or any event with the outbox's fields. */
export interface OutboxEventLike {
  id: string;
  type: string;
  version: number;
  occurred_at: Date | string;
  seller_id: string | null;
  data: Record<string, unknown>;
}

/** The envelope an event is POSTed as: `{ id, type, version, occurred_at (ISO), seller_id, data }`. */
export function toEventEnvelope(row: OutboxEventLike): EventEnvelope {
  return {
    id: row.id,
    type: row.type,
    version: row.version,
    occurred_at: typeof row.occurred_at === 'string' ? row.occurred_at : row.occurred_at.toISOString(),
    seller_id: row.seller_id,
    data: row.data,
  };
}

/**
 * The webhooks plugin's fan-out: queues one pending delivery, due now, for every enabled endpoint that
 * receives the event — operator endpoints every event, a seller's endpoints events whose `seller_id`
 * is that seller — and subscribes to its type (`*` or the type). One statement; an endpoint that
 * already has the event keeps its delivery, so handling an event twice queues nothing twice.
 * Returns how many deliveries were queued.
 */
export function queueDeliveriesForEvent(
  trx: Kysely<Database>,
  event: {
    id: string;
    type: string;
    version: number;
    occurred_at: string;
    seller_id: string | null;
    data: Record<string, unknown>;
    position: number;
  },
  now: Date = new Date(),
): Promise<number> {
  const { position, ...rest } = event;
  return queueEventDeliveries(trx, { envelope: toEventEnvelope(rest), position }, now);
}
