import { createSoukClient } from '@souk/sdk';
import type { LaunchedChrome } from 'chrome-launcher';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type {} from '../bazaar/e2e/setup';
import { audit, launchChromium } from './lighthouse';
import { SCAFFOLDED_THEME } from './scaffolded';

/**
 * Lighthouse accessibility, best practices and SEO at 100 on the home, listing, product and cart pages
 * of every theme, the scaffolded starter's included. The cart page is audited with a real two-seller cart (its cookie set on the request).
 *
 * The cart is indexable (the kit's cartPageMetadata: a crawler only ever sees an empty cart), so it is
 * held to SEO 100 like the public pages, while the other pages of a buyer's own stay `noindex`.
 */
const themeUrls = inject('themeUrls');
const apiUrl = inject('apiUrl');
let chrome: LaunchedChrome;

beforeAll(async () => {
  chrome = await launchChromium();
});

afterAll(async () => {
  await chrome?.kill();
});

/** A cart with one product from each of two sellers, made through the API like a buyer's. */
async function twoSellerCart(): Promise<{ cartId: string; handle: string }> {
  const souk = createSoukClient({ baseUrl: apiUrl, apiKey: 'pk_demo_storefront' });
  const [a, b] = await Promise.all(
    ['atlas-outfitters', 'nordic-home'].map((seller) =>
      souk.store.products.list({ seller, currency: 'USD', limit: 10 }),
    ),
  );
  const buyable = (list: typeof a) =>
    list?.data.flatMap((p) =>
      p.variants.filter((v) => v.price && v.available_quantity > 0).map((v) => ({ p, v })),
    )[0];
  const first = buyable(a);
  const second = buyable(b);
  if (!first || !second) throw new Error('the demo catalog has no buyable products for two sellers');
  const cart = await souk.store.carts.create({ currency: 'USD' });
  await souk.store.carts.addItem(cart.id, { variant_id: first.v.id, quantity: 1 });
  await souk.store.carts.addItem(cart.id, { variant_id: second.v.id, quantity: 1 });
  return { cartId: cart.id, handle: first.p.handle };
}

// The scaffolded starter is held to the same scores, so a new theme starts from a clean audit; it has
// home, product and cart pages but no listing.
describe.each(Object.entries(themeUrls))('Lighthouse: %s', (theme, baseUrl) => {
  const pages: [name: string, path: () => string, cookie?: () => string][] = [];
  let cart: { cartId: string; handle: string };

  beforeAll(async () => {
    cart = await twoSellerCart();
  });

  pages.push(['home', () => '/']);
  if (theme !== SCAFFOLDED_THEME) pages.push(['listing', () => '/products']);
  pages.push(['product', () => `/products/${cart.handle}`]);
  pages.push(['cart', () => '/cart', () => `${theme}_cart=${cart.cartId}`]);

  it.each(pages)('%s scores 100 on accessibility, best practices and SEO', async (name, path, cookie) => {
    const report = await audit(
      chrome.port,
      `${baseUrl}${path()}`,
      ['accessibility', 'best-practices', 'seo'],
      cookie ? { cookie: cookie() } : {},
    );
    console.log(`lighthouse ${theme} ${name}: ${JSON.stringify(report.scores)}`);
    // The failing audits are part of the message, so a red run says what to fix.
    expect({ scores: report.scores, failing: report.failing }).toEqual({
      scores: { accessibility: 100, 'best-practices': 100, seo: 100 },
      failing: { accessibility: [], 'best-practices': [], seo: [] },
    });
  });
});
