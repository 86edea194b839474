import type { ColumnType, Generated, JSONColumnType } from 'kysely';

export interface OutboxEventsTable {
  position: Generated<number>;
  id: string;
  type: string;
  version: ColumnType<number, number | undefined, never>;
  aggregate_type: string;
  aggregate_id: string;
  seller_id: string | null;
  data: JSONColumnType<Record<string, unknown>>;
  occurred_at: ColumnType<Date, Date | string | undefined, never>;
  published_at: Date | null;
}

export interface OutboxTables {
  outbox_events: OutboxEventsTable;
}
