import type { ColumnType } from 'kysely';

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  operation: string;
  request_hash: string;
  status: 'in_progress' | 'completed';
  response_status: number | null;
  /** JSON; written serialised. */
  response_body: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  locked_until: Date;
}

export interface IdempotencyTables {
  idempotency_keys: IdempotencyKeysTable;
}
