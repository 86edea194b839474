import type { ColumnType } from 'kysely';

export interface RealtimeTables {
  /** The database's key for order watch tokens (migration 0022; see realtime.watch.ts). */
  order_watch_key: {
    id: ColumnType<boolean, boolean | undefined, never>;
    key: Buffer;
    created_at: ColumnType<Date, never, never>;
  };
}
