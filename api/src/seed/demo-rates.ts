import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { insertShippingRates, insertTaxRates } from '../modules/carts/index.js';

/** Flat shipping per demo seller in seed order (minor units): USD, EUR. The third ships free. */
const SHIPPING: readonly (readonly [usd: number, eur: number])[] = [
  [499, 449],
  [599, 549],
  [0, 0],
  [799, 749],
  [999, 899],
];

/** Demo tax rates by destination country, in basis points. */
export const DEMO_TAX_RATES: readonly Insertable<Database['tax_rates']>[] = [
  { country: 'US', rate_bps: 0, name: 'United States (no sales tax collected)' },
  { country: 'CA', rate_bps: 500, name: 'Canada GST' },
  { country: 'DE', rate_bps: 1900, name: 'Germany VAT' },
  { country: 'FR', rate_bps: 2000, name: 'France VAT' },
  { country: 'GB', rate_bps: 2000, name: 'United Kingdom VAT' },
  { country: 'NL', rate_bps: 2100, name: 'Netherlands VAT' },
  { country: 'ES', rate_bps: 2100, name: 'Spain VAT' },
  { country: 'IT', rate_bps: 2200, name: 'Italy VAT' },
  { country: 'SE', rate_bps: 2500, name: 'Sweden VAT' },
  { country: 'JP', rate_bps: 1000, name: 'Japan consumption tax' },
];

/** The demo shipping rates of these sellers (seed order), deterministic. */
export function demoShippingRates(sellerIds: readonly string[]): Insertable<Database['shipping_rates']>[] {
  return sellerIds.flatMap((sellerId, i) => {
    const [usd, eur] = SHIPPING[i % SHIPPING.length] ?? [0, 0];
    return [
      { seller_id: sellerId, currency: 'USD', amount: usd },
      { seller_id: sellerId, currency: 'EUR', amount: eur },
    ];
  });
}

/** Stores the demo shipping and tax rates. Call inside the seed's transaction. */
export async function seedDemoRates(trx: Kysely<Database>, sellerIds: readonly string[]): Promise<void> {
  await insertShippingRates(trx, demoShippingRates(sellerIds));
  await insertTaxRates(trx, DEMO_TAX_RATES);
}
