import { beforeAll, describe, expect, it } from 'vitest';
import { testApiForFile } from '../../../test/support/test-api.js';
import { DEMO_KEYS } from '../auth/index.js';
import { newCartId } from './cart-id.js';
import {
  address,
  type Cart,
  cartRequests,
  expectProblem,
  type Problem,
  pickVariant,
} from './carts.fixtures.js';
import { completeCartUpdate } from './index.js';

const api = testApiForFile();

const { createCart, addItem } = cartRequests(api);

const inStock = pickVariant('atlas-outfitters', { eur: true, minStock: 20 });

describe('400 validation_failed', () => {
  let cart: Cart;
  beforeAll(async () => {
    cart = await createCart();
    await addItem(cart.id, inStock.variantId, 1);
  });

  it.each([
    ['no currency', {}, '/currency'],
    ['a lower-case currency', { currency: 'eur' }, '/currency'],
    ['an unknown field', { currency: 'EUR', email: 'a@b.co' }, '/email'],
  ])('refuses a cart with %s', async (_label, json, field) => {
    const res = await api.request<Problem>('POST', '/store/carts', { json });
    expectProblem(res, 400, 'validation_failed');
    expect(res.body.errors?.map((e) => e.field)).toContain(field);
  });

  it.each([
    ['quantity 0', { variant_id: 'var_x', quantity: 0 }, '/quantity'],
    ['quantity 1001 (above the schema maximum)', { variant_id: 'var_x', quantity: 1001 }, '/quantity'],
    ['a fractional quantity', { variant_id: 'var_x', quantity: 1.5 }, '/quantity'],
    ['no variant_id', { quantity: 1 }, '/variant_id'],
  ])('refuses an item with %s', async (_label, json, field) => {
    const res = await api.request<Problem>('POST', `/store/carts/${cart.id}/items`, { json });
    expectProblem(res, 400, 'validation_failed');
    expect(res.body.errors?.map((e) => e.field)).toContain(field);
  });

  it.each([
    ['an empty body', {}, ''],
    ['a malformed email', { email: 'not-an-email' }, '/email'],
    ['an email with spaces', { email: 'erika @example.com' }, '/email'],
    ['a lower-case country', { shipping_address: address('de') }, '/shipping_address/country'],
    ['a three-letter country', { shipping_address: address('DEU') }, '/shipping_address/country'],
    [
      'an address without city',
      { shipping_address: { ...address('DE'), city: undefined } },
      '/shipping_address/city',
    ],
    [
      'a name of 201 characters',
      { shipping_address: { ...address('DE'), name: 'x'.repeat(201) } },
      '/shipping_address/name',
    ],
    [
      'an unknown address field',
      { shipping_address: { ...address('DE'), floor: 3 } },
      '/shipping_address/floor',
    ],
    [
      'a malformed phone',
      { shipping_address: { ...address('DE'), phone: 'call me' } },
      '/shipping_address/phone',
    ],
  ])('refuses a cart update with %s', async (_label, json, field) => {
    const res = await api.request<Problem>('PATCH', `/store/carts/${cart.id}`, { json });
    expectProblem(res, 400, 'validation_failed');
    expect(res.body.errors?.map((e) => e.field).some((f) => f.startsWith(field))).toBe(true);
  });

  it('refuses a line quantity of 0 (delete the line instead)', async () => {
    const res = await api.request<Problem>(
      'PATCH',
      `/store/carts/${cart.id}/items/${cart.items[0]?.id ?? 'x'}`,
      {
        json: { quantity: 0 },
      },
    );
    expectProblem(res, 400, 'validation_failed');
  });

  it('refuses a cart id with characters no id has, and an over-long Idempotency-Key', async () => {
    expectProblem(await api.get('/store/carts/cart-%24x'), 400, 'validation_failed');
    const res = await api.request('POST', '/store/carts', {
      json: { currency: 'EUR' },
      headers: { 'Idempotency-Key': 'k'.repeat(256) },
    });
    expectProblem(res, 400, 'validation_failed');
  });
});

describe('401 and 403', () => {
  it('needs a key, and a publishable one', async () => {
    expectProblem(
      await api.request('POST', '/store/carts', { json: { currency: 'EUR' }, key: null }),
      401,
      'unauthorized',
    );
    const cart = await createCart();
    expectProblem(await api.get(`/store/carts/${cart.id}`, { key: null }), 401, 'unauthorized');
    expectProblem(await api.get(`/store/carts/${cart.id}`, { key: DEMO_KEYS.sellers[0] }), 403, 'forbidden');
    expectProblem(await api.get(`/store/carts/${cart.id}`, { key: DEMO_KEYS.operator }), 403, 'forbidden');
  });
});

describe('404 not_found', () => {
  it('answers 404 on every operation for an unknown cart', async () => {
    const id = newCartId();
    expectProblem(await api.get(`/store/carts/${id}`), 404, 'not_found');
    expectProblem(
      await api.request('PATCH', `/store/carts/${id}`, { json: { email: 'a@b.co' } }),
      404,
      'not_found',
    );
    expectProblem(await addItem(id, inStock.variantId, 1), 404, 'not_found');
    expectProblem(
      await api.request('PATCH', `/store/carts/${id}/items/item_x`, { json: { quantity: 1 } }),
      404,
      'not_found',
    );
    expectProblem(await api.request('DELETE', `/store/carts/${id}/items/item_x`), 404, 'not_found');
  });

  it('does not reach a line through another cart, nor an unknown line', async () => {
    const mine = await createCart();
    const theirs = (await addItem((await createCart()).id, inStock.variantId, 2)).body;
    const theirItem = theirs.items[0]?.id ?? '';
    expect(theirItem).toMatch(/^item_/);
    for (const itemId of [theirItem, 'item_01JA0B5N2W8R4K6T7M2R8N5B0A']) {
      const path = `/store/carts/${mine.id}/items/${itemId}`;
      expectProblem(await api.request('PATCH', path, { json: { quantity: 1 } }), 404, 'not_found');
      expectProblem(await api.request('DELETE', path), 404, 'not_found');
    }
    const after = await api.get<Cart>(`/store/carts/${theirs.id}`);
    expect(after.body.items.map((i) => [i.id, i.quantity])).toEqual([[theirItem, 2]]);
  });
});

describe('422 when adding what cannot be sold', () => {
  it.each([
    ['an unknown variant', () => 'var_01J9ZC3YV4Q1XK6T7M2R8N5B0Z'],
    ['a variant of a draft product', () => pickVariant('atlas-outfitters', { status: 'draft' }).variantId],
    ['a variant of a suspended seller (shady-deals)', () => pickVariant('shady-deals').variantId],
    ['a variant of a pending seller (quiet-pages)', () => pickVariant('quiet-pages').variantId],
  ])('variant_unavailable for %s', async (_label, pick) => {
    const cart = await createCart('USD');
    expectProblem(await addItem(cart.id, pick(), 1), 422, 'variant_unavailable');
    expect((await api.get<Cart>(`/store/carts/${cart.id}`)).body.items).toEqual([]);
  });

  it('currency_mismatch for a variant without a price in the cart currency', async () => {
    const usdOnly = pickVariant('nordic-home', { eur: false, minStock: 1 });
    const cart = await createCart('EUR');
    const problem = expectProblem(await addItem(cart.id, usdOnly.variantId, 1), 422, 'currency_mismatch');
    expect(problem.detail).toContain('EUR');
  });

  it('quantity_limit_exceeded above 100 units per line, also when merging', async () => {
    const cart = await createCart('EUR');
    expectProblem(await addItem(cart.id, inStock.variantId, 101), 422, 'quantity_limit_exceeded');
    expect((await addItem(cart.id, inStock.variantId, 1)).status).toBe(200);
    expectProblem(await addItem(cart.id, inStock.variantId, 100), 422, 'quantity_limit_exceeded');
    const item = (await api.get<Cart>(`/store/carts/${cart.id}`)).body.items[0];
    expect(item?.quantity).toBe(1);
    const res = await api.request('PATCH', `/store/carts/${cart.id}/items/${item?.id}`, {
      json: { quantity: 101 },
    });
    expectProblem(res, 422, 'quantity_limit_exceeded');
  });
});

describe('409 out_of_stock', () => {
  it('refuses more units than are in stock and says how many are', async () => {
    const cart = await createCart('EUR');
    const problem = expectProblem(
      await addItem(cart.id, inStock.variantId, inStock.stock + 1),
      409,
      'out_of_stock',
    );
    expect(problem.detail).toContain(`Only ${inStock.stock} units`);
    expect((await addItem(cart.id, inStock.variantId, inStock.stock)).status).toBe(200);
    // Merging one more would exceed the stock too.
    expectProblem(await addItem(cart.id, inStock.variantId, 1), 409, 'out_of_stock');
    const item = (await api.get<Cart>(`/store/carts/${cart.id}`)).body.items[0];
    expect(item?.quantity).toBe(inStock.stock);
    const res = await api.request('PATCH', `/store/carts/${cart.id}/items/${item?.id}`, {
      json: { quantity: inStock.stock + 1 },
    });
    expectProblem(res, 409, 'out_of_stock');
  });

  it('refuses a sold-out variant', async () => {
    const soldOut = pickVariant('nordic-home', { stock: 0 });
    const cart = await createCart('USD');
    const problem = expectProblem(await addItem(cart.id, soldOut.variantId, 1), 409, 'out_of_stock');
    expect(problem.detail).toContain('Only 0 units');
  });
});

describe('409 cart_completed', () => {
  it('refuses every change to a completed cart, which can still be read', async () => {
    const cart = (await addItem((await createCart()).id, inStock.variantId, 1)).body;
    const itemId = cart.items[0]?.id;
    await completeCartUpdate(cart.id).execute(api.db.container.database.db);
    const base = `/store/carts/${cart.id}`;
    expectProblem(await api.request('PATCH', base, { json: { email: 'a@b.co' } }), 409, 'cart_completed');
    expectProblem(await addItem(cart.id, inStock.variantId, 1), 409, 'cart_completed');
    expectProblem(
      await api.request('PATCH', `${base}/items/${itemId}`, { json: { quantity: 2 } }),
      409,
      'cart_completed',
    );
    expectProblem(await api.request('DELETE', `${base}/items/${itemId}`), 409, 'cart_completed');
    const read = await api.get<Cart>(base);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ status: 'completed', checkout_ready: false });
    expect(read.body.completed_at).not.toBeNull();
    expect(read.body.items.map((i) => i.quantity)).toEqual([1]);
    expect(read.body.problems.map((p) => p.code)).toContain('cart_completed');
  });
});
