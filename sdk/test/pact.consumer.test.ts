/**
 * Consumer side of the SDK ↔ API contract (Pact V4). Each interaction runs the real SDK method against
 * Pact's mock server; the pact file lands in /pacts and `api/test/pact` verifies it against the real API.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { MatchersV3, PactV4, SpecificationVersion } from '@pact-foundation/pact';
import { beforeAll, describe, expect, it } from 'vitest';
import { isSoukError, SoukError } from '../src/index.js';
import {
  cartLine,
  fromState,
  json,
  money,
  problem,
  problemType,
  product,
  sdk,
  UUID,
} from './pact-fixtures.js';
import { keys } from './support.js';

process.env.PACT_DO_NOT_TRACK = 'true';
const { like, eachLike, regex, integer, string } = MatchersV3;

const pactDir = join(import.meta.dirname, '../../pacts');
const pact = new PactV4({
  consumer: 'souk-sdk',
  provider: 'souk-api',
  dir: pactDir,
  spec: SpecificationVersion.SPECIFICATION_VERSION_V4,
  logLevel: 'warn',
});

beforeAll(() => rmSync(join(pactDir, 'souk-sdk-souk-api.json'), { force: true }));

describe('store catalog', () => {
  it('lists products (one page with a cursor)', () =>
    pact
      .addInteraction()
      .given('the demo catalog is loaded')
      .uponReceiving('a request for a page of products priced in USD')
      .withRequest('GET', '/store/products', (b) =>
        b.query({ limit: '2', currency: 'USD' }).headers({ 'X-Api-Key': keys.store }),
      )
      .willRespondWith(200, (b) =>
        b.headers(json).jsonBody({ data: eachLike(product, 2), next_cursor: string('eyJ2IjoxfQ') }),
      )
      .executeTest(async (server) => {
        const page = await sdk(server.url).store.products.list({ limit: 2, currency: 'USD' });
        expect(page.data[0]?.variants[0]?.price?.currency).toBe('USD');
        expect(page.next_cursor).toBeTypeOf('string');
      }));

  it('gets a product by handle', () =>
    pact
      .addInteraction()
      .given('a published product exists')
      .uponReceiving('a request for a product by its handle')
      .withRequest('GET', fromState('/store/products/:handle', '/store/products/trail-runner-boot'), (b) =>
        b.query({ currency: 'USD' }).headers({ 'X-Api-Key': keys.store }),
      )
      .willRespondWith(200, (b) => b.headers(json).jsonBody(product))
      .executeTest(async (server) => {
        const p = await sdk(server.url).store.products.get('trail-runner-boot', { currency: 'USD' });
        expect(p.handle).toBe('trail-runner-boot');
      }));

  it('404 not_found for an unknown product', () =>
    pact
      .addInteraction()
      .given('the demo catalog is loaded')
      .uponReceiving('a request for a product that does not exist')
      .withRequest('GET', '/store/products/no-such-product', (b) => b.headers({ 'X-Api-Key': keys.store }))
      .willRespondWith(404, (b) => b.headers(problemType).jsonBody(problem(404, 'not_found')))
      .executeTest(async (server) => {
        const err = await sdk(server.url)
          .store.products.get('no-such-product')
          .catch((e: unknown) => e);
        expect(isSoukError(err, 'not_found')).toBe(true);
      }));

  it('400 validation_failed with field errors', () =>
    pact
      .addInteraction()
      .given('the demo catalog is loaded')
      .uponReceiving('a product list request with a limit above the maximum')
      .withRequest('GET', '/store/products', (b) =>
        b.query({ limit: '1000' }).headers({ 'X-Api-Key': keys.store }),
      )
      .willRespondWith(400, (b) =>
        b.headers(problemType).jsonBody({
          ...problem(400, 'validation_failed'),
          errors: eachLike({ in: 'query', field: 'limit', message: string('must be <= 100') }),
        }),
      )
      .executeTest(async (server) => {
        const err = await sdk(server.url)
          .store.products.list({ limit: 1000 })
          .catch((e: unknown) => e);
        if (!(err instanceof SoukError)) throw err;
        expect(err.code).toBe('validation_failed');
        expect(err.errors[0]?.field).toBe('limit');
      }));

  it('401 unauthorized for an unknown key', () =>
    pact
      .addInteraction()
      .uponReceiving('a product list request with an unknown key')
      .withRequest('GET', '/store/products', (b) => b.headers({ 'X-Api-Key': 'pk_unknown_key' }))
      .willRespondWith(401, (b) => b.headers(problemType).jsonBody(problem(401, 'unauthorized')))
      .executeTest(async (server) => {
        const err = await sdk(server.url, 'pk_unknown_key')
          .store.products.list()
          .catch((e: unknown) => e);
        expect(err).toMatchObject({ status: 401, code: 'unauthorized' });
      }));
});

describe('cart and checkout', () => {
  it('creates a cart with an Idempotency-Key', () =>
    pact
      .addInteraction()
      .uponReceiving('a request to create a USD cart')
      .withRequest('POST', '/store/carts', (b) =>
        b
          .headers({
            'X-Api-Key': keys.store,
            'Idempotency-Key': regex(UUID, '5f2b7c9e-8f57-4c1e-9d0a-6a1f0e2b3c4d'),
          })
          .jsonBody({ currency: 'USD' }),
      )
      .willRespondWith(201, (b) =>
        b.headers(json).jsonBody({ id: string('cart_7Hq2LxR9vTbK4mWzP1sNdE'), currency: 'USD', items: [] }),
      )
      .executeTest(async (server) => {
        const cart = await sdk(server.url).store.carts.create({ currency: 'USD' });
        expect(cart.items).toEqual([]);
      }));

  it('adds an item to a cart', () =>
    pact
      .addInteraction()
      .given('an empty cart and an in-stock variant exist')
      .uponReceiving('a request to add one unit of a variant to a cart')
      .withRequest('POST', fromState('/store/carts/:cartId/items', '/store/carts/cart_abc/items'), (b) =>
        b
          .headers({
            'X-Api-Key': keys.store,
            'Idempotency-Key': regex(UUID, '5f2b7c9e-8f57-4c1e-9d0a-6a1f0e2b3c4d'),
          })
          .jsonBody({ variant_id: fromState(':variantId', 'var_abc'), quantity: 1 }),
      )
      .willRespondWith(200, (b) =>
        b.headers(json).jsonBody({ id: string('cart_abc'), currency: 'USD', items: eachLike(cartLine) }),
      )
      .executeTest(async (server) => {
        const cart = await sdk(server.url).store.carts.addItem('cart_abc', {
          variant_id: 'var_abc',
          quantity: 1,
        });
        expect(cart.items[0]?.quantity).toBe(1);
      }));

  it('409 out_of_stock when adding more than the stock', () =>
    pact
      .addInteraction()
      .given('an empty cart and a variant with one unit in stock exist')
      .uponReceiving('a request to add 5 units of a variant with 1 in stock')
      .withRequest('POST', fromState('/store/carts/:cartId/items', '/store/carts/cart_abc/items'), (b) =>
        b
          .headers({ 'X-Api-Key': keys.store })
          .jsonBody({ variant_id: fromState(':variantId', 'var_abc'), quantity: 5 }),
      )
      .willRespondWith(409, (b) => b.headers(problemType).jsonBody(problem(409, 'out_of_stock')))
      .executeTest(async (server) => {
        const err = await sdk(server.url)
          .store.carts.addItem('cart_abc', { variant_id: 'var_abc', quantity: 5 })
          .catch((e: unknown) => e);
        expect(isSoukError(err, 'out_of_stock')).toBe(true);
      }));

  it('checks out with an Idempotency-Key and returns the order with its access token', () =>
    pact
      .addInteraction()
      .given('a cart ready for checkout exists')
      .uponReceiving('a checkout of a ready cart with a test card')
      .withRequest(
        'POST',
        fromState('/store/carts/:cartId/checkout', '/store/carts/cart_abc/checkout'),
        (b) =>
          b
            .headers({
              'X-Api-Key': keys.store,
              'Idempotency-Key': regex(UUID, '5f2b7c9e-8f57-4c1e-9d0a-6a1f0e2b3c4d'),
            })
            .jsonBody({ payment_method: 'pm_card_visa' }),
      )
      .willRespondWith(201, (b) =>
        b.headers(json).jsonBody({
          id: string('ord_01J9ZC3YV4Q1XK6T7M2R8N5B0M'),
          status: 'placed',
          currency: 'USD',
          access_token: regex('^ot_[A-Za-z0-9_-]+$', 'ot_4Jq9Zx2LmP0aB7cD1eF3gH5iJ6kL8mN0'),
          totals: like({ subtotal: like(money(12900)), total: like(money(15945)) }),
          seller_orders: eachLike({
            id: string('so_1'),
            seller_name: string('Atlas Outfitters'),
            status: 'open',
            lines: eachLike({ variant_id: string('var_1'), quantity: integer(1) }),
          }),
          payment: like({ status: string('authorized') }),
        }),
      )
      .executeTest(async (server) => {
        const order = await sdk(server.url).store.carts.checkout('cart_abc', {
          payment_method: 'pm_card_visa',
        });
        expect(order.access_token).toMatch(/^ot_/);
      }));
});

describe('orders', () => {
  it("reads the buyer's order with its access token", () =>
    pact
      .addInteraction()
      .given('an order was placed')
      .uponReceiving('a request for an order with its access token')
      .withRequest('GET', fromState('/store/orders/:orderId', '/store/orders/ord_abc'), (b) =>
        b.headers({ 'X-Api-Key': keys.store, 'X-Order-Token': fromState(':accessToken', 'ot_abc') }),
      )
      .willRespondWith(200, (b) =>
        b.headers(json).jsonBody({
          id: string('ord_abc'),
          status: string('placed'),
          currency: 'USD',
          seller_orders: eachLike({ id: string('so_1'), seller_name: string('Atlas Outfitters') }),
        }),
      )
      .executeTest(async (server) => {
        const order = await sdk(server.url).store.orders.get('ord_abc', 'ot_abc');
        expect(order.seller_orders.length).toBeGreaterThan(0);
      }));
});

describe('seller', () => {
  it('creates a draft product', () =>
    pact
      .addInteraction()
      .given('seller atlas-outfitters is active')
      .uponReceiving('a seller request to create a product with one variant')
      .withRequest('POST', '/seller/products', (b) =>
        b
          .headers({
            'X-Api-Key': keys.seller1,
            'Idempotency-Key': regex(UUID, '5f2b7c9e-8f57-4c1e-9d0a-6a1f0e2b3c4d'),
          })
          .jsonBody({
            handle: 'pact-canvas-tote',
            title: 'Canvas Tote',
            variants: [
              { sku: 'PACT-TOTE-1', prices: [{ amount: 2500, currency: 'USD' }], inventory_quantity: 5 },
            ],
          }),
      )
      .willRespondWith(201, (b) =>
        b.headers(json).jsonBody({
          id: string('prod_1'),
          handle: 'pact-canvas-tote',
          title: 'Canvas Tote',
          status: string('draft'),
          variants: eachLike({ id: string('var_1'), sku: 'PACT-TOTE-1', inventory_quantity: integer(5) }),
        }),
      )
      .executeTest(async (server) => {
        const p = await sdk(server.url, keys.seller1).seller.products.create({
          handle: 'pact-canvas-tote',
          title: 'Canvas Tote',
          variants: [
            { sku: 'PACT-TOTE-1', prices: [{ amount: 2500, currency: 'USD' }], inventory_quantity: 5 },
          ],
        });
        expect(p.variants[0]?.sku).toBe('PACT-TOTE-1');
      }));

  it("lists the seller's orders", () =>
    pact
      .addInteraction()
      .given('seller atlas-outfitters has an order')
      .uponReceiving('a seller request for a page of its orders')
      .withRequest('GET', '/seller/orders', (b) =>
        b.query({ limit: '10' }).headers({ 'X-Api-Key': keys.seller1 }),
      )
      .willRespondWith(200, (b) =>
        b.headers(json).jsonBody({
          data: eachLike({
            id: string('so_1'),
            order_id: string('ord_1'),
            status: string('open'),
            totals: like({ total: like(money(15945)) }),
            commission: like({ rate_bps: integer(1000) }),
            fulfillments: like([]),
          }),
        }),
      )
      .executeTest(async (server) => {
        const page = await sdk(server.url, keys.seller1).seller.orders.list({ limit: 10 });
        expect(page.data.length).toBeGreaterThan(0);
      }));
});

describe('documents: reviews, content, seller pages', () => {
  it("lists a product's reviews with its rating", () =>
    pact
      .addInteraction()
      .given('a published product has a review')
      .uponReceiving('a request for the reviews of a product')
      .withRequest(
        'GET',
        fromState('/store/products/:handle/reviews', '/store/products/trail-runner-boot/reviews'),
        (b) => b.query({ limit: '10' }).headers({ 'X-Api-Key': keys.store }),
      )
      .willRespondWith(200, (b) =>
        b.headers(json).jsonBody({
          data: eachLike({
            id: string('rev_1'),
            rating: integer(4),
            title: string('Comfortable'),
            body: string('Wore them all day.'),
            author_name: string('Erika M.'),
            verified_purchase: true,
          }),
          rating: like({ count: integer(1), distribution: like({ '4': integer(1) }) }),
        }),
      )
      .executeTest(async (server) => {
        const page = await sdk(server.url).store.reviews.list('trail-runner-boot', { limit: 10 });
        expect(page.data[0]?.verified_purchase).toBe(true);
        expect(page.rating?.count).toBeGreaterThan(0);
      }));

  it('gets the published home page content of a theme', () =>
    pact
      .addInteraction()
      .given('the bazaar home page is published')
      .uponReceiving('a request for the published home content of the bazaar theme')
      .withRequest('GET', '/store/content/bazaar/home/main', (b) => b.headers({ 'X-Api-Key': keys.store }))
      .willRespondWith(200, (b) =>
        b.headers(json).jsonBody({
          theme: 'bazaar',
          kind: 'home',
          key: 'main',
          data: like({ sections: eachLike({ type: string('hero') }) }),
          published_at: string('2026-12-01T10:00:00.000Z'),
        }),
      )
      .executeTest(async (server) => {
        const content = await sdk(server.url).store.content.get('bazaar', 'home', 'main');
        expect(content.kind).toBe('home');
      }));

  it("gets a seller's page with its profile and rating", () =>
    pact
      .addInteraction()
      .given('seller atlas-outfitters is active')
      .uponReceiving("a request for a seller's page")
      .withRequest('GET', '/store/sellers/atlas-outfitters/page', (b) =>
        b.headers({ 'X-Api-Key': keys.store }),
      )
      .willRespondWith(200, (b) =>
        b.headers(json).jsonBody({
          seller: like({ handle: 'atlas-outfitters', name: string('Atlas Outfitters') }),
          profile: like({ story: string(''), links: [] }),
          rating: like({ count: integer(0) }),
        }),
      )
      .executeTest(async (server) => {
        const page = await sdk(server.url).store.sellers.page('atlas-outfitters');
        expect(page.seller.handle).toBe('atlas-outfitters');
      }));
});
