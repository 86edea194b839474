import type { components } from '../../generated/openapi.js';
import type { AddressRow, CustomerRow } from './customers.repository.js';

export type Customer = components['schemas']['Customer'];
export type CustomerAddress = components['schemas']['CustomerAddress'];

/** The account as the spec's `Customer`. */
export function toCustomer(row: CustomerRow): Customer {
  return {
    id: row.id,
    email: row.email,
    email_verified: row.email_verified,
    phone: row.phone,
    name: row.name,
    sign_in_provider: row.sign_in_provider,
    providers: row.providers,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

/** A saved address as the spec's `CustomerAddress` (optional address fields spelled out as null). */
export function toAddress(row: AddressRow): CustomerAddress {
  const a = row.address;
  return {
    id: row.id,
    label: row.label,
    is_default: row.is_default,
    address: {
      name: a.name,
      line1: a.line1,
      line2: a.line2 ?? null,
      city: a.city,
      postal_code: a.postal_code,
      region: a.region ?? null,
      country: a.country,
      phone: a.phone ?? null,
    },
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}
