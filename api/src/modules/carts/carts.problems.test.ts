import { describe, expect, it } from 'vitest';
import { testApiForFile } from '../../../test/support/test-api.js';
import { address, type Cart, cartRequests, expectProblem, pickVariant, sellerId } from './carts.fixtures.js';

/**
 * A cart keeps lines and destinations that cannot be checked out (a product unpublished after it was
 * added, a country without a tax rate, a seller without a shipping rate): it shows them with null
 * amounts and lists them in `problems` instead of failing the read.
 */
const api = testApiForFile();

const { createCart, addItem } = cartRequests(api);

const inStock = pickVariant('atlas-outfitters', { eur: true, minStock: 20 });

describe('lines and destinations that cannot be checked out', () => {
  const db = () => api.db.container.database.db;

  it('keeps a line whose product was unpublished, unpriced and flagged; it can be removed but not changed', async () => {
    const gone = pickVariant('pixel-forge', { minStock: 2, n: 3 });
    const kept = pickVariant('atlas-outfitters', { minStock: 2, n: 4 });
    const cart = await createCart('USD');
    await addItem(cart.id, gone.variantId, 2);
    await addItem(cart.id, kept.variantId, 1);
    await db().updateTable('products').set({ status: 'draft' }).where('id', '=', gone.productId).execute();
    const res = await api.get<Cart>(`/store/carts/${cart.id}`);
    const [line, other] = res.body.items;
    expect(line).toMatchObject({
      variant_id: gone.variantId,
      unit_price: null,
      subtotal: null,
      available_quantity: 0,
    });
    expect(res.body.sellers.map((s) => s.seller_id)).toEqual([sellerId('atlas-outfitters')]);
    expect(res.body.totals.subtotal).toEqual({ amount: kept.usd, currency: 'USD' });
    expect(res.body.problems).toContainEqual({
      code: 'variant_unavailable',
      detail: expect.stringContaining(gone.sku),
      item_id: line?.id,
      seller_id: null,
    });
    const patch = await api.request('PATCH', `/store/carts/${cart.id}/items/${line?.id}`, {
      json: { quantity: 1 },
    });
    expectProblem(patch, 422, 'variant_unavailable');
    const removed = await api.request<Cart>('DELETE', `/store/carts/${cart.id}/items/${line?.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.items.map((i) => i.id)).toEqual([other?.id]);
    await db()
      .updateTable('products')
      .set({ status: 'published' })
      .where('id', '=', gone.productId)
      .execute();
  });

  it('flags a country without a tax rate: tax and totals are null, the cart is not ready', async () => {
    const cart = (await addItem((await createCart()).id, inStock.variantId, 1)).body;
    const res = await api.request<Cart>('PATCH', `/store/carts/${cart.id}`, {
      json: { email: 'a@example.com', shipping_address: address('AU') },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tax_rate_bps: null, checkout_ready: false });
    expect(res.body.totals).toMatchObject({ shipping: { amount: 449 }, tax: null, total: null });
    expect(res.body.sellers[0]).toMatchObject({ tax: null, total: null });
    expect(res.body.problems).toEqual([
      {
        code: 'destination_unsupported',
        detail: 'There is no tax rate for AU.',
        item_id: null,
        seller_id: null,
      },
    ]);
  });

  it('flags a seller without a shipping rate in the currency', async () => {
    const b = pickVariant('nordic-home', { eur: true, minStock: 1, n: 2 });
    const cart = await createCart('EUR');
    await addItem(cart.id, inStock.variantId, 1);
    await addItem(cart.id, b.variantId, 1);
    await db()
      .deleteFrom('shipping_rates')
      .where('seller_id', '=', sellerId('nordic-home'))
      .where('currency', '=', 'EUR')
      .execute();
    try {
      const res = await api.get<Cart>(`/store/carts/${cart.id}`);
      expect(res.body.sellers.map((s) => s.shipping?.amount ?? null)).toEqual([449, null]);
      expect(res.body.totals).toMatchObject({ shipping: null, total: null });
      expect(res.body.problems).toContainEqual({
        code: 'destination_unsupported',
        detail: 'Nordic Home does not ship in EUR; remove its items.',
        item_id: null,
        seller_id: sellerId('nordic-home'),
      });
    } finally {
      await db()
        .insertInto('shipping_rates')
        .values({ seller_id: sellerId('nordic-home'), currency: 'EUR', amount: 549 })
        .execute();
    }
  });

  it('flags a line above the current stock (stock fell after it was added)', async () => {
    const v = pickVariant('pixel-forge', { minStock: 5, n: 5 });
    const cart = (await addItem((await createCart('USD')).id, v.variantId, 4)).body;
    await db().updateTable('variants').set({ inventory_quantity: 3 }).where('id', '=', v.variantId).execute();
    const res = await api.get<Cart>(`/store/carts/${cart.id}`);
    expect(res.body.items[0]).toMatchObject({
      quantity: 4,
      available_quantity: 3,
      unit_price: { amount: v.usd },
    });
    expect(res.body.problems).toContainEqual({
      code: 'out_of_stock',
      detail: `Only 3 of ${v.sku} are available.`,
      item_id: cart.items[0]?.id,
      seller_id: null,
    });
  });
});
