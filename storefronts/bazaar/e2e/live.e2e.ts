import { createSoukClient } from '@souk/sdk';
import { describe, expect, inject, it } from 'vitest';
import { browserSessions, screenshot } from './support/browser';
import { addToCart, openFirstBuyable } from './support/journeys';
import { createAdmin } from './support/souk-admin';

const baseURL = inject('storefrontUrl');
const apiUrl = inject('apiUrl');
const admin = createAdmin(apiUrl);
// Launches Chromium, closes each journey's sessions and fails it on console errors.
const { session } = browserSessions(baseURL);

// Skipped when STOREFRONT_E2E_THEMES leaves Bazaar out (no storefront URL), like the other Bazaar journeys.
describe.skipIf(!baseURL)('live updates', () => {
  it('changes the stock on an open product page without a reload when the seller updates it', async () => {
    // A product of Atlas Outfitters (the seller whose key the tests hold) and the variant the page preselects.
    const store = createSoukClient({ baseUrl: apiUrl, apiKey: 'pk_demo_storefront' });
    const page1 = await store.store.products.list({ seller: 'atlas-outfitters', currency: 'USD', limit: 50 });
    const product = page1.data.find((p) => p.variants.some((v) => v.price && v.available_quantity > 5));
    const variant = product?.variants.find((v) => v.price && v.available_quantity > 0);
    if (!product || !variant) throw new Error('no Atlas Outfitters product in stock');
    const before = variant.available_quantity;

    const { page } = await session();
    await page.goto(`/products/${product.handle}/usd`);
    // Live updates start on the first sign of a person on the page (see components/live.ts).
    await page.mouse.move(20, 20);
    await page.locator('[data-testid="live-stock"][data-live="on"]').waitFor({ timeout: 30_000 });
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
    const stock = page.getByTestId('stock-state');
    try {
      await admin.setStock(variant.id, 3);
      await expect.poll(() => stock.textContent(), { timeout: 15_000 }).toBe('Only 3 left');
      await screenshot(page, 'live-stock-desktop');
      await page.setViewportSize({ width: 390, height: 844 });
      await admin.setStock(variant.id, 0);
      await expect.poll(() => stock.textContent(), { timeout: 15_000 }).toBe('Out of stock');
      await expect(page.getByRole('button', { name: 'Add to cart' }).isDisabled()).resolves.toBe(true);
      await screenshot(page, 'live-stock-390');
      // The same document all along: nothing reloaded the page.
      expect(await page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    } finally {
      await admin.setStock(variant.id, before);
    }
  });

  it('updates an open cart page without a reload when another tab adds an item', async () => {
    const { page, context } = await session();
    await page.goto('/sellers/atlas-outfitters');
    await openFirstBuyable(page);
    await addToCart(page);
    await page.goto('/cart');
    await page.mouse.move(20, 20);
    await page.locator('[data-testid="live-cart"][data-live="on"]').waitFor({ timeout: 30_000 });
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
    const lines = page.getByTestId('cart-line');
    expect(await lines.count()).toBe(1);
    const totals = await page.getByTestId('cart-totals').textContent();

    // A second tab of the same shopper (same cart cookie) adds another seller's product.
    const other = await context.newPage();
    await other.goto('/sellers/nordic-home');
    await openFirstBuyable(other);
    await addToCart(other);
    await other.close();

    await expect.poll(() => lines.count(), { timeout: 15_000 }).toBe(2);
    await expect
      .poll(() => page.locator('.seller-group h2').allTextContents())
      .toEqual(['Sold by Atlas Outfitters', 'Sold by Nordic Home']);
    expect(await page.getByTestId('cart-totals').textContent()).not.toBe(totals);
    await screenshot(page, 'live-cart-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'live-cart-390');
    expect(await page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  });
});
