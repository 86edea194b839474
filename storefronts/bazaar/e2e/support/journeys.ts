import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Opens the first product of a listing that can be bought, and returns its handle. */
export async function openFirstBuyable(page: Page): Promise<string> {
  const card = page
    .locator('[data-testid="product-card"]')
    .filter({ hasNot: page.locator('.badge', { hasText: 'Sold out' }) })
    .first();
  await card.locator('a.product-card__link').click();
  await page.waitForURL(/\/products\/[^/?]+$/);
  return new URL(page.url()).pathname.split('/')[2] ?? '';
}

/** Adds the product page's preselected variant; returns its id. */
export async function addToCart(page: Page): Promise<string> {
  await expect.poll(() => page.getByTestId('stock-state').textContent()).toMatch(/In stock|Only \d+ left/);
  const variantId = await page.locator('input[name="variant_id"]').inputValue();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByRole('status').filter({ hasText: 'Added to your cart.' }).waitFor();
  return variantId;
}

export interface Buyer {
  email: string;
  phone?: string;
  paymentMethod?: string;
}

/** Fills the checkout form (a German address: 19 % tax) without submitting it. */
export async function fillCheckout(page: Page, buyer: Buyer): Promise<void> {
  await page.getByLabel('Email').fill(buyer.email);
  await page.getByLabel('Full name').fill('Erika Mustermann');
  await page.getByLabel('Address', { exact: true }).fill('Heidestraße 17');
  await page.getByLabel('Postal code').fill('51147');
  await page.getByLabel('City').fill('Köln');
  await page.getByLabel('Country').selectOption('DE');
  await page.getByLabel('Phone (optional)').fill(buyer.phone ?? '');
  await page.getByLabel(/Payment method/).selectOption(buyer.paymentMethod ?? 'pm_card_visa');
}

/** The rows of a summary's amounts (`<dt>` label → `<dd>` value), as the shopper reads them. */
export async function amountRows(summary: Locator): Promise<Map<string, string>> {
  const [labels, values] = await Promise.all([
    summary.locator('dt').allTextContents(),
    summary.locator('dd').allTextContents(),
  ]);
  return new Map(labels.map((label, i) => [label.trim(), (values[i] ?? '').trim()]));
}

/** A dollar amount as shown ("$1,060.04") in cents; fails the test on anything else. */
export function cents(shown: string | undefined): number {
  expect(shown).toMatch(/^\$[\d,]+\.\d\d$/);
  return Math.round(Number((shown ?? '').replace(/[$,]/g, '')) * 100);
}

/**
 * The tax of each seller's part of the checkout's summary (`part` selects the parts) and the order's
 * tax under `taxLabel`, in cents: the parts must add up to the order.
 */
export async function partTaxes(
  page: Page,
  part: string,
  taxLabel = 'Tax (19%)',
): Promise<{ parts: number[]; order: number }> {
  const parts = await Promise.all(
    (await page.locator(part).all()).map(async (p) => cents((await amountRows(p)).get('Tax'))),
  );
  const order = cents((await amountRows(page.getByTestId('checkout-totals'))).get(taxLabel));
  return { parts, order };
}

/**
 * The total the checkout's summary shows once it priced the address typed (the form puts a complete
 * address on the cart, and the summary is drawn again with its tax), and the Place order button says
 * the same. `taxLabel` is the rate the summary must name first: 19 % for `fillCheckout`'s Germany.
 */
export async function checkoutTotal(page: Page, taxLabel = 'Tax (19%)'): Promise<string> {
  const totals = page.getByTestId('checkout-totals');
  await expect.poll(async () => (await amountRows(totals)).has(taxLabel), { timeout: 15_000 }).toBe(true);
  const total = (await amountRows(totals)).get('Total') ?? '';
  expect(total).toMatch(/^\$[\d,]+\.\d\d$/);
  expect(await page.locator('#checkout-form button[type="submit"]').textContent()).toBe(
    `Place order · ${total}`,
  );
  return total;
}

/** The checkout error's problem code, once the alert shows. */
export async function checkoutErrorCode(page: Page): Promise<string | null> {
  const alert = page.getByTestId('checkout-error');
  await alert.waitFor();
  return alert.getAttribute('data-code');
}

export function uniqueEmail(label: string): string {
  return `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}
