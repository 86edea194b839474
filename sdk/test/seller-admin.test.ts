import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSoukError, type SoukClient } from '../src/index.js';
import { clientFor, keys, readyCart, startTestApi, type TestApi } from './support.js';

let api: TestApi;
let store: SoukClient;
let seller: SoukClient;
let admin: SoukClient;

beforeAll(async () => {
  api = await startTestApi();
  store = clientFor(api, keys.store);
  seller = clientFor(api, keys.seller1);
  admin = clientFor(api, keys.operator);
});
afterAll(() => api?.close());

describe('seller.products, variants and inventory', () => {
  it('creates, edits, publishes, restocks and deletes a product', async () => {
    const created = await seller.seller.products.create({
      handle: 'sdk-test-mug',
      title: 'SDK Test Mug',
      options: [{ name: 'Color', values: ['White', 'Black'] }],
      variants: [
        {
          sku: 'SDK-MUG-1',
          options: { Color: 'White' },
          prices: [{ amount: 1500, currency: 'USD' }],
          inventory_quantity: 3,
        },
      ],
    });
    expect(created.status).toBe('draft');
    const renamed = await seller.seller.products.update(created.id, { title: 'SDK Mug' });
    expect(renamed.title).toBe('SDK Mug');
    const withVariant = await seller.seller.variants.create(created.id, {
      sku: 'SDK-MUG-2',
      options: { Color: 'Black' },
      prices: [{ amount: 1700, currency: 'USD' }],
    });
    expect(withVariant.variants).toHaveLength(2);
    const published = await seller.seller.products.publish(created.id);
    expect(published.status).toBe('published');
    const stock = await seller.seller.inventory.update({ items: [{ sku: 'SDK-MUG-2', quantity: 9 }] });
    expect(JSON.stringify(stock)).toContain('9');
    const inStore = await store.store.products.get('sdk-test-mug', { currency: 'USD' });
    expect(inStore.variants.map((v) => v.sku).sort()).toEqual(['SDK-MUG-1', 'SDK-MUG-2']);

    const mine: string[] = [];
    for await (const p of seller.seller.products.listAll({ limit: 20 })) mine.push(p.id);
    expect(mine).toContain(created.id);

    await seller.seller.products.unpublish(created.id);
    expect(await seller.seller.products.delete(created.id)).toBeUndefined();
    await expect(seller.seller.products.get(created.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('reports a taken handle as conflict with the field', async () => {
    const body = {
      handle: 'sdk-dup',
      title: 'Dup',
      variants: [{ sku: 'SDK-DUP-1', prices: [{ amount: 100, currency: 'USD' as const }] }],
    };
    await seller.seller.products.create(body);
    const err = await seller.seller.products
      .create({ ...body, variants: [{ sku: 'SDK-DUP-2' }] })
      .catch((e) => e);
    expect(isSoukError(err, 'conflict')).toBe(true);
  });

  it("cannot see another seller's product", async () => {
    const other = clientFor(api, keys.seller2);
    const page = await seller.seller.products.list({ limit: 1 });
    const id = page.data[0]?.id ?? '';
    await expect(other.seller.products.get(id)).rejects.toMatchObject({ status: 404, code: 'not_found' });
  });
});

describe('seller.orders', () => {
  it('lists, reads and fulfills an order placed through the store', async () => {
    const cart = await readyCart(store, 'atlas-outfitters', 1);
    const order = await store.store.carts.checkout(cart.id, { payment_method: 'pm_card_visa' });
    const sellerOrderId = order.seller_orders[0]?.id ?? '';
    const ids: string[] = [];
    for await (const so of seller.seller.orders.listAll({ limit: 5 })) ids.push(so.id);
    expect(ids).toContain(sellerOrderId);
    const so = await seller.seller.orders.get(sellerOrderId);
    const fulfilled = await seller.seller.orders.fulfill(so.id, {
      carrier: 'DHL',
      tracking_number: '0034043416',
    });
    expect(fulfilled.fulfillments).toHaveLength(1);
    await expect(seller.seller.orders.cancel(so.id)).rejects.toMatchObject({ code: 'invalid_state' });
    const balance = await seller.seller.balance.get();
    expect(balance).toBeTypeOf('object');
    expect(await seller.seller.payouts.list()).toHaveProperty('data');
  });

  it('sets a shipping rate (PUT)', async () => {
    const rate = await seller.seller.shippingRates.set('USD', { amount: 650 });
    expect(rate).toMatchObject({ amount: 650, currency: 'USD' });
    expect(JSON.stringify(await seller.seller.shippingRates.list())).toContain('650');
  });
});

describe('admin', () => {
  it('onboards a seller, issues it a key that works, and revokes it', async () => {
    const created = await admin.admin.sellers.create({ handle: 'sdk-crafts', name: 'SDK Crafts' });
    const approved = await admin.admin.sellers.approve(created.id);
    expect(approved.status).toBe('active');
    const key = await admin.admin.sellers.createKey(created.id, { name: 'sdk test' });
    const own = clientFor(api, key.secret);
    expect((await own.seller.products.list()).data).toEqual([]);
    await admin.admin.keys.revoke(key.key.id);
    await expect(own.seller.products.list()).rejects.toMatchObject({ code: 'unauthorized' });
    const all: string[] = [];
    for await (const s of admin.admin.sellers.listAll({ limit: 2 })) all.push(s.handle);
    expect(all).toEqual(expect.arrayContaining(['atlas-outfitters', 'sdk-crafts']));
    expect((await admin.admin.sellers.setCommission(created.id, { commission_bps: 1200 })).id).toBe(
      created.id,
    );
  });

  it('reads settings and orders', async () => {
    expect(await admin.admin.settings.get()).toBeTypeOf('object');
    const page = await admin.admin.orders.list({ limit: 1 });
    expect(page).toHaveProperty('next_cursor');
  });
});
