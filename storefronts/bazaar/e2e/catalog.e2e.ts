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

/**
 * The seller's `n`th oldest published product (1: the oldest; the other journeys open the newest ones)
 * and the theme's webhook endpoint.
 */
async function oldPublished(n: number) {
  if (!webhook) throw new Error('Bazaar has no webhook endpoint');
  const products = (await seller.products.list({ status: 'published', limit: 100 })).data;
  const product = products.at(-n);
  if (!product) throw new Error(`the demo seller has fewer than ${n} published products`);
  return { product, endpoint: webhook };
}

describe.skipIf(!baseURL)("a seller's change on the static product page", () => {
  it('shows a renamed product at once (the signed product.updated webhook), not a minute later', {
    timeout: 120_000,
  }, async () => {
    const { product, endpoint } = await oldPublished(1);
    const { page } = await session();
    const title = page.getByRole('heading', { level: 1 });
    // The page under its handle (the cards' links) and under its id (the order page's).
    for (const path of [`/products/${product.id}`, `/products/${product.handle}`]) {
      await openRegenerated(page, path);
      expect(await title.textContent()).toBe(product.title);
    }

    const renamed = `${product.title} (winter edition)`;
    const before = await acknowledgedDeliveries(admin, endpoint, 'product.updated');
    try {
      await seller.products.update(product.id, { title: renamed });
      await reloadUntil(page, () => title.textContent(), renamed);
      // The same delivery regenerated the page under the product's id.
      await page.goto(`/products/${product.id}`);
      expect(await title.textContent()).toBe(renamed);
      // The rename's delivery, acknowledged by the theme after its signature check.
      await expect.poll(() => newlyAcknowledged(admin, endpoint, 'product.updated', before)).toBe(1);
    } finally {
      await seller.products.update(product.id, { title: product.title });
    }
  });

  it("keeps a renamed handle's old address showing the product as it is now, its canonical URL the new one", {
    timeout: 120_000,
  }, async () => {
    // Not the product the journey above renames.
    const { product, endpoint } = await oldPublished(2);
    const { page } = await session();
    const old = `/products/${product.handle}`;
    const title = page.getByRole('heading', { level: 1 });
    await openRegenerated(page, old);
    expect(await title.textContent()).toBe(product.title);

    const handle = `${product.handle}-renamed`;
    const renamed = `${product.title} (renamed)`;
    const canonical = page.locator('link[rel="canonical"]');
    const before = await acknowledgedDeliveries(admin, endpoint, 'product.updated');
    try {
      await seller.products.update(product.id, { handle, title: renamed });
      // The delivery regenerated the old address's static page too (it names the old handle only as
      // previous_handle): links and search results already out there show the product as it is now.
      await reloadUntil(page, () => title.textContent(), renamed);
      expect(new URL(page.url()).pathname).toBe(old);
      expect(await canonical.getAttribute('href')).toBe(`${baseURL}/products/${handle}`);
      await page.goto(`/products/${handle}`);
      expect(await title.textContent()).toBe(renamed);
      await expect.poll(() => newlyAcknowledged(admin, endpoint, 'product.updated', before)).toBe(1);
    } finally {
      await seller.products.update(product.id, { handle: product.handle, title: product.title });
    }
  });
});
