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
    // The page under its handle (the cards' links); its id (the order page's links) is sent there.
    for (const path of [`/products/${product.id}`, `/products/${product.handle}`]) {
      await openRegenerated(page, path);
      expect(await title.textContent()).toBe(product.title);
      expect(new URL(page.url()).pathname).toBe(`/products/${product.handle}`);
    }

    const renamed = `${product.title} (winter edition)`;
    const before = await acknowledgedDeliveries(admin, endpoint, 'product.updated');
    try {
      await seller.products.update(product.id, { title: renamed });
      await reloadUntil(page, () => title.textContent(), renamed);
      // The id's address still leads to it.
      await page.goto(`/products/${product.id}`);
      expect(await title.textContent()).toBe(renamed);
      // The rename's delivery, acknowledged by the theme after its signature check.
      await expect.poll(() => newlyAcknowledged(admin, endpoint, 'product.updated', before)).toBe(1);
    } finally {
      await seller.products.update(product.id, { title: product.title });
    }
  });

  it("sends a changed handle's old address on to the new one (308) within seconds, not a minute later", {
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
      // previous_handle): links and search results already out there move to the product's address.
      await reloadUntil(page, () => title.textContent(), renamed);
      expect(new URL(page.url()).pathname).toBe(`/products/${handle}`);
      expect(await canonical.getAttribute('href')).toBe(`${baseURL}/products/${handle}`);
      const moved = await page.request.get(old, { maxRedirects: 0 });
      expect(moved.status()).toBe(308);
      expect(new URL(moved.headers().location ?? '', baseURL).pathname).toBe(`/products/${handle}`);
      await expect.poll(() => newlyAcknowledged(admin, endpoint, 'product.updated', before)).toBe(1);
    } finally {
      await seller.products.update(product.id, { handle: product.handle, title: product.title });
    }
  });

  it("turns a changed handle's old address into the redirect on its own after its minute, with the webhook off", {
    timeout: 180_000,
  }, async () => {
    const { product, endpoint } = await oldPublished(3);
    const old = `${baseURL}/products/${product.handle}`;
    const handle = `${product.handle}-moved`;
    const answer = async () => {
      const res = await fetch(old, { redirect: 'manual' });
      const location = res.headers.get('location');
      return { status: res.status, to: location && new URL(location, baseURL).pathname };
    };
    // The old address's page as it is now, cached for its minute: a stale copy is served once while it
    // is regenerated, so this asks until the answer is not one.
    await expect
      .poll(async () => (await fetch(old)).headers.get('x-nextjs-cache'), {
        timeout: 30_000,
        interval: 1_500,
      })
      .not.toBe('STALE');
    await admin.webhookEndpoints.update(endpoint, { enabled: false });
    try {
      await seller.products.update(product.id, { handle });
      // No webhook: the page stays as it was for the rest of its minute ...
      expect(await answer()).toEqual({ status: 200, to: null });
      // ... then it is regenerated in the background into the redirect, its Location kept (Next.js
      // 16.4 cached it as a 308 without one: a blank page).
      await expect
        .poll(answer, { timeout: 100_000, interval: 2_000 })
        .toEqual({ status: 308, to: `/products/${handle}` });
    } finally {
      await admin.webhookEndpoints.update(endpoint, { enabled: true });
      await seller.products.update(product.id, { handle: product.handle });
    }
  });
});
