import type { ColumnType, JSONColumnType } from 'kysely';
import type { components } from '../../generated/openapi.js';
import type { SignInProvider } from '../auth/identity.js';

type ShippingAddress = components['schemas']['ShippingAddress'];

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

/** A shopper's account: one per Firebase user. */
export interface CustomersTable {
  id: string;
  firebase_uid: string;
  email: string | null;
  email_verified: boolean;
  phone: string | null;
  name: string | null;
  sign_in_provider: SignInProvider;
  /** Every provider seen, in the order first seen. */
  providers: JSONColumnType<SignInProvider[]>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface CustomerAddressesTable {
  id: string;
  customer_id: string;
  label: string | null;
  is_default: boolean;
  address: JSONColumnType<ShippingAddress>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface CustomersTables {
  customers: CustomersTable;
  customer_addresses: CustomerAddressesTable;
}
