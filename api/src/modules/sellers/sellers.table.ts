import type { ColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export type SellerStatus = 'pending' | 'active' | 'suspended';

export interface SellersTable {
  id: string;
  handle: string;
  name: string;
  description: string | null;
  status: SellerStatus;
  /** Commission override in basis points; null uses the marketplace default. */
  commission_bps: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** The single row of marketplace-wide settings. */
export interface MarketplaceSettingsTable {
  id: ColumnType<boolean, boolean | undefined, never>;
  default_commission_bps: number;
  updated_at: UpdatedAt;
}

/** The sellers module's tables: sellers and the marketplace settings they default to. */
export interface SellersTables {
  sellers: SellersTable;
  marketplace_settings: MarketplaceSettingsTable;
}
