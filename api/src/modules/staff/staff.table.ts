import type { ColumnType } from 'kysely';
import type { components } from '../../generated/openapi.js';

export type StaffRole = components['schemas']['StaffRole'];
export type OperatorRole = components['schemas']['OperatorRole'];

export interface SellerStaffTable {
  id: string;
  seller_id: string;
  email: string;
  role: StaffRole;
  firebase_uid: string | null;
  invited_by: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  accepted_at: Date | null;
}

/** The operator's staff: like a seller's, without a seller and with the operator roles. */
export interface OperatorStaffTable extends Omit<SellerStaffTable, 'seller_id' | 'role'> {
  role: OperatorRole;
}

export interface StaffTables {
  seller_staff: SellerStaffTable;
  operator_staff: OperatorStaffTable;
}
