/**
 * Provider side of the SDK ↔ API contract: replays every interaction of the pact the SDK's consumer
 * tests wrote (`/pacts/souk-sdk-souk-api.json`) against the real API on its own database, with state
 * handlers that create the data each interaction needs. An API change that breaks what the SDK
 * expects fails this test.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Verifier } from '@pact-foundation/pact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atlasProduct, boughtLine } from '../../src/modules/reviews/reviews.fixtures.js';
import { buyableVariants, checkout, readyCart } from '../support/shopping.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

process.env.PACT_DO_NOT_TRACK = 'true';
const pactFile = join(import.meta.dirname, '../../../pacts/souk-sdk-souk-api.json');

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

async function emptyCartAndVariant() {
  const cart = await api.request<{ id: string }>('POST', '/store/carts', { json: { currency: 'USD' } });
  const variant = buyableVariants('atlas-outfitters')[0];
  if (cart.status !== 201 || !variant) throw new Error('state: no cart or no buyable variant');
  return { cartId: cart.body.id, variantId: variant.id };
}

async function readyCartOf(seller: string) {
  const variant = buyableVariants(seller)[0];
  if (!variant) throw new Error(`state: no buyable variant of ${seller}`);
  return readyCart(api, [{ variantId: variant.id, quantity: 1 }]);
}

const stateHandlers = {
  'the demo catalog is loaded': async () => undefined,
  'a published product exists': async () => {
    const page = await api.get<{ data: { handle: string }[] }>('/store/products?limit=1');
    const handle = page.body.data[0]?.handle;
    if (!handle) throw new Error('state: no published product');
    return { handle };
  },
  'an empty cart and an in-stock variant exist': emptyCartAndVariant,
  'an empty cart and a variant with one unit in stock exist': async () => {
    const state = await emptyCartAndVariant();
    const res = await api.request('POST', '/seller/inventory', {
      key: 'sk_demo_seller_1',
      json: { items: [{ variant_id: state.variantId, quantity: 1 }] },
    });
    if (res.status !== 200) throw new Error(`state: inventory ${res.status}`);
    return state;
  },
  'a cart ready for checkout exists': async () => ({ cartId: (await readyCartOf('nordic-home')).id }),
  'an order was placed': async () => {
    const res = await checkout(api, (await readyCartOf('pixel-forge')).id);
    if (res.status !== 201 || !res.body.access_token) throw new Error(`state: checkout ${res.status}`);
    return { orderId: res.body.id, accessToken: res.body.access_token };
  },
  'seller atlas-outfitters is active': async () => undefined,
  'a published product has a review': async () => {
    const { product, variants } = atlasProduct(1);
    const bought = await boughtLine(api, variants[0]?.id ?? '');
    const res = await api.request('POST', '/store/reviews', {
      headers: { 'x-order-token': bought.token },
      json: {
        order_id: bought.order.id,
        order_line_id: bought.line.id,
        rating: 4,
        title: 'Comfortable',
        body: 'Wore them all day.',
      },
    });
    if (res.status !== 201) throw new Error(`state: review ${res.status}`);
    return { handle: product.handle };
  },
  'the bazaar home page is published': async () => {
    const home = { sections: [{ type: 'hero', title: 'Winter market' }] };
    await api.request('PUT', '/admin/content/bazaar/home/main', { json: { data: home } });
    const res = await api.request('POST', '/admin/content/bazaar/home/main/publish');
    if (res.status !== 200) throw new Error(`state: publish ${res.status}`);
    return undefined;
  },
  'seller atlas-outfitters has an order': async () => {
    const cart = await readyCartOf('atlas-outfitters');
    const res = await checkout(api, cart.id);
    if (res.status !== 201) throw new Error(`state: checkout ${res.status}`);
    return undefined;
  },
};

describe('pact: souk-sdk → souk-api', () => {
  it('the API honours every interaction the SDK relies on', async () => {
    expect(
      existsSync(pactFile),
      `${pactFile} is missing: run the sdk consumer tests (npm run test:sdk)`,
    ).toBe(true);
    const verifier = new Verifier({
      provider: 'souk-api',
      providerBaseUrl: api.url,
      pactUrls: [pactFile],
      stateHandlers,
      logLevel: 'warn',
    });
    await verifier.verifyProvider();
  }, 120_000);
});
