import type { Schemas } from '@souk/sdk';
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

/** The address fields without which the API takes no address (so there is nothing to price yet). */
const requiredAddressFields = ['name', 'line1', 'city', 'postal_code', 'country'] as const;

/** True when a form's data holds every required address field, so its address can be priced. */
export function addressComplete(data: FormData): boolean {
  return requiredAddressFields.every((field) => String(data.get(field) ?? '').trim() !== '');
}

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

/** One percent formatter per locale, for tax rates. */
const percentFormats = new Map<string, Intl.NumberFormat>();

/**
 * How a cart's tax reads in a summary. The API prices tax from the shipping address's country and
 * reports 0 while the cart has no address, which is not the tax: `known` is false until then (show
 * the tax as pending and the total as "before tax"). Once known, `label` names the rate ("Tax (19%)")
 * and `note` the country the amounts are for.
 */
export function cartTax(
  cart: Pick<Schemas['Cart'], 'shipping_address' | 'tax_rate_bps'>,
  locale = 'en-US',
): { known: boolean; label: string; note: string } {
  const address = cart.shipping_address;
  if (!address) return { known: false, label: 'Tax', note: 'Tax is added once your address is complete.' };
  let percent = percentFormats.get(locale);
  if (!percent) {
    percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
    percentFormats.set(locale, percent);
  }
  const rate = cart.tax_rate_bps;
  return {
    known: true,
    label: rate === null ? 'Tax' : `Tax (${percent.format(rate / 10_000)})`,
    note: `Shipping and tax to ${countryName(address.country, locale)}.`,
  };
}

/** A row of a summary's amounts: a label and an amount, or (`pending`) why there is none yet. */
export interface AmountRow {
  label: string;
  value: Schemas['Money'] | null;
  pending?: string;
  strong?: boolean;
}

/**
 * The amounts under a cart's or a checkout's summary: subtotal, shipping, tax and total, the tax
 * pending (`taxPending` says when it comes) and the total "before tax" until the cart has an address
 * (see `cartTax`).
 */
export function checkoutTotalRows(
  cart: Pick<Schemas['Cart'], 'totals' | 'shipping_address' | 'tax_rate_bps'>,
  tax = cartTax(cart),
  taxPending = 'With your address',
): AmountRow[] {
  return [
    { label: 'Subtotal', value: cart.totals.subtotal },
    { label: 'Shipping', value: cart.totals.shipping, pending: 'Not available' },
    {
      label: tax.label,
      value: tax.known ? cart.totals.tax : null,
      pending: tax.known ? 'Not available' : taxPending,
    },
    { label: tax.known ? 'Total' : 'Total before tax', value: cart.totals.total, pending: '—', strong: true },
  ];
}

/**
 * The amounts of one seller's part of a cart: items, shipping, and that seller's tax. Without an
 * address the tax row says `taxPending`, or is left out when none is given (a checkout, whose
 * summary already says it once).
 */
export function sellerAmountRows(
  group: Pick<Schemas['CartSellerGroup'], 'subtotal' | 'shipping' | 'tax'>,
  tax: Pick<ReturnType<typeof cartTax>, 'known'>,
  taxPending?: string,
): AmountRow[] {
  const rows: AmountRow[] = [
    { label: 'Items', value: group.subtotal },
    { label: 'Shipping', value: group.shipping, pending: 'Not available' },
  ];
  if (tax.known) rows.push({ label: 'Tax', value: group.tax, pending: 'Not available' });
  else if (taxPending) rows.push({ label: 'Tax', value: null, pending: taxPending });
  return rows;
}

/**
 * A cart's seller groups, each with its items in the group's order (the cart's item rows its
 * `item_ids` name): what a cart page or a checkout summary draws part by part. An id the cart's items
 * do not hold is left out.
 */
export function sellerGroups<Item extends { id: string }, Group extends { item_ids: string[] }>(cart: {
  items: Item[];
  sellers: Group[];
}): { group: Group; items: Item[] }[] {
  const byId = new Map(cart.items.map((item) => [item.id, item]));
  return cart.sellers.map((group) => ({
    group,
    items: group.item_ids.flatMap((id) => {
      const item = byId.get(id);
      return item ? [item] : [];
    }),
  }));
}
