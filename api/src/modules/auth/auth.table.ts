import type { ColumnType } from 'kysely';

export type ApiKeyKind = 'publishable' | 'seller' | 'operator';

export interface ApiKeysTable {
  id: string;
  kind: ApiKeyKind;
  seller_id: string | null;
  name: string;
  prefix: string;
  hash: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

export interface AuthTables {
  api_keys: ApiKeysTable;
}
