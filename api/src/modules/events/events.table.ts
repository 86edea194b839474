import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { Actor } from '../../lib/actor.js';

export interface OutboxEventsTable {
  position: Generated<number>;
  id: string;
  type: string;
  version: ColumnType<number, number | undefined, never>;
  aggregate_type: string;
  aggregate_id: string;
  seller_id: string | null;
  data: JSONColumnType<Record<string, unknown>>;
  /** Who caused the event (`Actor` of the spec); `system` outside a request. */
  actor: JSONColumnType<Actor, string | undefined, never>;
  occurred_at: ColumnType<Date, Date | string | undefined, never>;
  published_at: Date | null;
  /** Order in which the relay published the event (dense; null until published). */
  published_seq: ColumnType<number | null, never, number>;
}

export interface OutboxRelayLeasesTable {
  name: string;
}

export interface BusConsumerOffsetsTable {
  group_name: string;
  published_seq: number;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface OutboxTables {
  outbox_events: OutboxEventsTable;
  outbox_relay_leases: OutboxRelayLeasesTable;
  bus_consumer_offsets: BusConsumerOffsetsTable;
}
