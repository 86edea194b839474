import { createSoukClient } from '@souk/sdk';
import { describe, expect, inject, it } from 'vitest';
import { browserSessions } from './support/browser';
import { acknowledgedDeliveries, newlyAcknowledged, openRegenerated, reloadUntil } from './support/content';

const baseURL = inject('storefrontUrl');
const apiUrl = inject('apiUrl');
const admin = createSoukClient({ baseUrl: apiUrl, apiKey: 'sk_demo_operator' }).admin;
const seller = createSoukClient({ baseUrl: apiUrl, apiKey: 'sk_demo_seller_1' }).seller;
const webhook = inject('themeWebhooks').bazaar;
// Launches Chromium, closes each journey's sessions and fails it on console errors.
const { session } = browserSessions(baseURL);

describe.skipIf(!baseURL)("a seller's change on the static product page", () => {
  it('shows a renamed product at once (the signed product.updated webhook), not a minute later', {
    timeout: 120_000,
  }, async () => {
    if (!webhook) throw new Error('Bazaar has no webhook endpoint');
    // The seller's oldest published product: the other journeys open the newest ones.
    const products = (await seller.products.list({ status: 'published', limit: 100 })).data;
    const product = products.at(-1);
    if (!product) throw new Error('the demo seller has no published product');
    const { page } = await session();
    const title = page.getByRole('heading', { level: 1 });
    // The page under its handle (the cards' links) and under its id (the order page's).
    for (const path of [`/products/${product.id}`, `/products/${product.handle}`]) {
      await openRegenerated(page, path);
      expect(await title.textContent()).toBe(product.title);
    }

    const renamed = `${product.title} (winter edition)`;
    const before = await acknowledgedDeliveries(admin, webhook, 'product.updated');
    try {
      await seller.products.update(product.id, { title: renamed });
      await reloadUntil(page, () => title.textContent(), renamed);
      // The same delivery regenerated the page under the product's id.
      await page.goto(`/products/${product.id}`);
      expect(await title.textContent()).toBe(renamed);
      // The rename's delivery, acknowledged by the theme after its signature check.
      await expect.poll(() => newlyAcknowledged(admin, webhook, 'product.updated', before)).toBe(1);
    } finally {
      await seller.products.update(product.id, { title: product.title });
    }
  });
});
