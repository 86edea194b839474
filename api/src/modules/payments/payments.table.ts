import type { ColumnType } from 'kysely';

export interface PaymentsTable {
  id: string;
  order_id: string;
  provider: string;
  provider_ref: string;
  currency: string;
  authorized_amount: number;
  captured_amount: ColumnType<number, number | undefined, number>;
  voided_amount: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface PaymentsTables {
  payments: PaymentsTable;
}
