import type { ColumnType, Generated } from 'kysely';

export interface LedgerTransactionsTable {
  id: string;
  kind: string;
  order_id: string | null;
  seller_order_id: string | null;
  payout_id: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface LedgerEntriesTable {
  id: Generated<number>;
  transaction_id: string;
  account: string;
  seller_id: string | null;
  currency: string;
  /** Debit positive, credit negative, minor units. */
  amount: number;
}

export interface PayoutsTable {
  id: string;
  seller_id: string;
  currency: string;
  amount: number;
  status: 'paid';
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface LedgerTables {
  ledger_transactions: LedgerTransactionsTable;
  ledger_entries: LedgerEntriesTable;
  payouts: PayoutsTable;
}
