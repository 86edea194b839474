import type { ColumnType } from 'kysely';
import type { components } from '../../generated/openapi.js';

export type StaffRole = components['schemas']['StaffRole'];

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

export interface StaffTables {
  seller_staff: SellerStaffTable;
}
