import { createSoukClient } from '@souk/sdk';
import { describe, expect, inject, it } from 'vitest';
// The run's provided values (apiUrl, themeUrls) are declared by the shared global setup.
import type {} from '../../bazaar/e2e/setup';
import { browserSessions } from '../../bazaar/e2e/support/browser';
import { openRegenerated, reloadUntil } from '../../bazaar/e2e/support/content';

const baseURL = inject('themeUrls').atelier ?? '';
const seller = createSoukClient({ baseUrl: inject('apiUrl'), apiKey: 'sk_demo_seller_1' }).seller;
// Launches Chromium, closes each journey's sessions and fails it on console errors.
const { session } = browserSessions(baseURL);

describe.skipIf(!baseURL)('Atelier: stock on the static product page', () => {
  it('says "Out of stock" as soon as a piece sells out, and "In stock" once it is back (inventory.updated)', {
    timeout: 150_000,
  }, async () => {
    // The seller's oldest published product in stock: the other journeys buy the newest ones.
    const listed = (await seller.products.list({ status: 'published', limit: 100 })).data;
    const product = [...listed].reverse().find((p) => p.variants.every((v) => v.inventory_quantity > 5));
    if (!product) throw new Error('the demo seller has no published product well in stock');
    const stock = product.variants.map((v) => ({ variant_id: v.id, quantity: v.inventory_quantity }));
    const { page } = await session();
    const state = page.getByTestId('stock-state');
    await openRegenerated(page, `/products/${product.handle}`);
    expect(await state.textContent()).toBe('In stock');
    try {
      // Every variant sold out: the stock webhook of each (a crossing of zero) regenerates the page.
      await seller.inventory.update({ items: stock.map((s) => ({ variant_id: s.variant_id, quantity: 0 })) });
      await reloadUntil(page, () => state.textContent(), 'Out of stock');
      expect(await page.getByRole('button', { name: 'Add to bag' }).isDisabled()).toBe(true);
      await seller.inventory.update({ items: stock });
      await reloadUntil(page, () => state.textContent(), 'In stock');
    } finally {
      await seller.inventory.update({ items: stock });
    }
  });
});
