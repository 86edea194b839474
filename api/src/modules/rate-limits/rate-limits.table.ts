import type { ColumnType } from 'kysely';

/** The operator's quota override of one seller (absent: the seller tier's default applies). */
export interface SellerRateLimitsTable {
  seller_id: string;
  requests_per_minute: number;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface RateLimitTables {
  seller_rate_limits: SellerRateLimitsTable;
}
