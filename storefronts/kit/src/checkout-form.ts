import type { FormProblem } from './problems';

/** The fields of a shipping address form, named like the API's `ShippingAddress`. */
export const shippingAddressFields = [
  'name',
  'line1',
  'line2',
  'city',
  'postal_code',
  'region',
  'country',
  'phone',
] as const;

/** The fields of the checkout form, named like the API's body fields so its errors map onto them. */
export const checkoutFields = ['email', ...shippingAddressFields, 'payment_method'] as const;
export type CheckoutField = (typeof checkoutFields)[number];

export interface CheckoutState {
  /** The Idempotency-Key the next submit sends; a new one after a definite failure. */
  idempotencyKey: string;
  values: Partial<Record<CheckoutField, string>>;
  problem?: FormProblem;
  seq: number;
}

/** The payment methods of Souk's built-in `test` provider (it never moves money). */
export const testPaymentMethods = [
  { value: 'pm_card_visa', label: 'Visa •••• 4242 (approved)' },
  { value: 'pm_card_mastercard', label: 'Mastercard •••• 4444 (approved)' },
  { value: 'pm_card_declined', label: 'Card that is declined' },
  { value: 'pm_card_insufficient_funds', label: 'Card with insufficient funds' },
  { value: 'pm_card_review', label: 'Card held for review' },
] as const;

/** One region-name formatter per locale: a page names a country per address and per order. */
const regionNames = new Map<string, Intl.DisplayNames>();

/**
 * A country's name for an address as shoppers read it ("DE" → "Germany"), in `locale`; the code itself
 * when it is not a region code Intl knows.
 */
export function countryName(code: string, locale = 'en-US'): string {
  try {
    let names = regionNames.get(locale);
    if (!names) {
      names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
      regionNames.set(locale, names);
    }
    return names.of(code) ?? code;
  } catch {
    // A value that is not a well-formed region code ("D", "123x") is shown as it was stored.
    return code;
  }
}

/** Countries the demo marketplace has tax rates for (others are refused with `destination_unsupported`). */
export const countries = [
  ['US', 'United States'],
  ['CA', 'Canada'],
  ['DE', 'Germany'],
  ['FR', 'France'],
  ['GB', 'United Kingdom'],
  ['NL', 'Netherlands'],
  ['ES', 'Spain'],
  ['IT', 'Italy'],
  ['SE', 'Sweden'],
  ['JP', 'Japan'],
] as const;
