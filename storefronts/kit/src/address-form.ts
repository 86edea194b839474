import type { Schemas } from '@souk/sdk';
import { shippingAddressFields } from './checkout-form';
import type { FormProblem } from './problems';

export type CustomerAddress = Schemas['CustomerAddress'];

/** The fields of an address form: the address (named like the API's `ShippingAddress`) and its label. */
export const addressFields = ['label', ...shippingAddressFields] as const;
export type AddressField = (typeof addressFields)[number];

/** What an address form shows after a submit: the values again and the API's problem, or `saved`. */
export interface AddressFormState {
  values: Partial<Record<AddressField, string>>;
  problem?: FormProblem;
  saved: boolean;
  /** Bumped on every result, so the form re-renders with the values it got back. */
  seq: number;
}

/** A saved address as the values of an address form (or of the checkout form's address fields). */
export function addressFormValues(saved: CustomerAddress): Partial<Record<AddressField, string>> {
  const a = saved.address;
  return {
    label: saved.label ?? '',
    name: a.name,
    line1: a.line1,
    line2: a.line2 ?? '',
    city: a.city,
    postal_code: a.postal_code,
    region: a.region ?? '',
    country: a.country,
    phone: a.phone ?? '',
  };
}

type ShippingAddress = Schemas['ShippingAddress'];

/**
 * Whether two addresses are the same place for the same person: every field alike once trimmed, with
 * case and runs of spaces ignored (so "12 Rue des Tanneurs " matches "12 rue des tanneurs").
 */
export function sameAddress(a: ShippingAddress, b: ShippingAddress): boolean {
  const norm = (v: string | null | undefined) => (v ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
  return shippingAddressFields.every((field) => norm(a[field]) === norm(b[field]));
}
