import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSoukError, type SoukClient, SoukError } from '../src/index.js';
import { buyableVariant, clientFor, keys, readyCart, startTestApi, type TestApi } from './support.js';

let api: TestApi;
let souk: SoukClient;

beforeAll(async () => {
  api = await startTestApi();
  souk = clientFor(api, keys.store);
});
afterAll(() => api?.close());

describe('store.products', () => {
  it('lists a page and gets a product by handle and by id', async () => {
    const page = await souk.store.products.list({ limit: 3 });
    expect(page.data).toHaveLength(3);
    expect(typeof page.next_cursor).toBe('string');
    const first = page.data[0];
    if (!first) throw new Error('no product');
    const byHandle = await souk.store.products.get(first.handle);
    const byId = await souk.store.products.get(first.id, { currency: 'USD' });
    expect(byHandle.id).toBe(first.id);
    expect(byId.handle).toBe(first.handle);
  });

  it('listAll follows next_cursor until the last page, with no duplicates', async () => {
    const seen: string[] = [];
    for await (const product of souk.store.products.listAll({ limit: 7 })) seen.push(product.id);
    const pages: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await souk.store.products.list({ limit: 100, ...(cursor ? { cursor } : {}) });
      pages.push(...page.data.map((p) => p.id));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect(seen.length).toBeGreaterThan(7);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(pages);
  });

  it('listAll stops fetching when the consumer breaks', async () => {
    let count = 0;
    for await (const _ of souk.store.products.listAll({ limit: 2 })) {
      if (++count === 3) break;
    }
    expect(count).toBe(3);
  });

  it('throws SoukError not_found with the request id for an unknown product', async () => {
    const err = await souk.store.products.get('no-such-product').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SoukError);
    if (!isSoukError(err, 'not_found')) throw err;
    expect(err.status).toBe(404);
    expect(err.requestId).toMatch(/.+/);
    expect(err.problem?.request_id).toBe(err.requestId);
    expect(err.message).toContain('not_found');
  });

  it('throws validation_failed with field errors for a bad query', async () => {
    const err = await souk.store.products.list({ limit: 1000 }).catch((e: unknown) => e);
    if (!isSoukError(err)) throw err;
    expect(err.code).toBe('validation_failed');
    expect(err.status).toBe(400);
    expect(err.errors.length).toBeGreaterThan(0);
    expect(err.errors.map((e) => e.field).join()).toContain('limit');
  });

  it('throws unauthorized for an unknown key and forbidden for a key of the wrong kind', async () => {
    const bad = clientFor(api, 'pk_nope');
    await expect(bad.store.products.list()).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
    const seller = clientFor(api, keys.seller1);
    await expect(seller.store.products.list()).rejects.toMatchObject({ code: 'forbidden', status: 403 });
  });
});

describe('store.carts and store.orders', () => {
  it('adds, updates and removes items', async () => {
    const { variant } = await buyableVariant(souk, 'nordic-home', 2);
    const cart = await souk.store.carts.create({ currency: 'USD' });
    const withItem = await souk.store.carts.addItem(cart.id, { variant_id: variant.id, quantity: 1 });
    const line = withItem.items[0];
    if (!line) throw new Error('no line');
    const updated = await souk.store.carts.updateItem(cart.id, line.id, { quantity: 2 });
    expect(updated.items[0]?.quantity).toBe(2);
    const emptied = await souk.store.carts.removeItem(cart.id, line.id);
    expect(emptied.items).toHaveLength(0);
    expect((await souk.store.carts.get(cart.id)).id).toBe(cart.id);
  });

  it('checks out with a generated Idempotency-Key and reads the order with its access token', async () => {
    const cart = await readyCart(souk);
    const order = await souk.store.carts.checkout(cart.id, { payment_method: 'pm_card_visa' });
    expect(order.status).toBe('placed');
    expect(order.access_token).toMatch(/^ot_/);
    const read = await souk.store.orders.get(order.id, order.access_token ?? '');
    expect(read.id).toBe(order.id);
    await expect(souk.store.orders.get(order.id, 'ot_wrong')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('replays the same order for the same idempotency key, and says so in withResponse()', async () => {
    const cart = await readyCart(souk);
    const key = `order-${cart.id}`;
    const placed = await souk.store.carts
      .checkout(cart.id, { payment_method: 'pm_card_visa' }, { idempotencyKey: key })
      .withResponse();
    expect(placed).toMatchObject({ replayed: false, requestId: expect.any(String) });
    expect(placed.response.status).toBe(201);
    const replay = await souk.store.carts
      .checkout(cart.id, { payment_method: 'pm_card_visa' }, { idempotencyKey: key })
      .withResponse();
    expect(replay.replayed).toBe(true);
    expect(replay.data.id).toBe(placed.data.id);
    await expect(souk.store.products.get('nope').withResponse()).rejects.toMatchObject({ code: 'not_found' });
    const first = await souk.store.carts.checkout(
      cart.id,
      { payment_method: 'pm_card_visa' },
      { idempotencyKey: key },
    );
    const again = await souk.store.carts.checkout(
      cart.id,
      { payment_method: 'pm_card_visa' },
      { idempotencyKey: key },
    );
    expect(again.id).toBe(first.id);
  });

  it('throws payment_declined (402) for a declined card, and out_of_stock (409) past the stock', async () => {
    const cart = await readyCart(souk);
    const declined = await souk.store.carts
      .checkout(cart.id, { payment_method: 'pm_card_declined' })
      .catch((e) => e);
    expect(declined).toMatchObject({ status: 402, code: 'payment_declined' });

    const { variant } = await buyableVariant(souk, 'pixel-forge');
    const big = await souk.store.carts.create({ currency: 'USD' });
    const err = await souk.store.carts
      .addItem(big.id, { variant_id: variant.id, quantity: variant.available_quantity + 1 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SoukError);
    expect(err).toMatchObject({ status: 409, code: 'out_of_stock' });
  });
});
