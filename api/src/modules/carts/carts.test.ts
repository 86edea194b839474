import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testApiForFile } from '../../../test/support/test-api.js';
import { newCartId } from './cart-id.js';
import { address, type Cart, cartRequests, type Problem, pickVariant, sellerId } from './carts.fixtures.js';

const api = testApiForFile();

const { createCart, addItem } = cartRequests(api);
/** Tax as the spec defines it, computed independently: round half up of base × bps / 10000. */
const taxOf = (base: number, bps: number) => Math.floor((base * bps + 5000) / 10000);
const eur = (amount: number) => ({ amount, currency: 'EUR' });

describe('POST /store/carts and GET /store/carts/{cartId}', () => {
  it('creates an empty cart that can be read back, and lists what stands in the way of checkout', async () => {
    const cart = await createCart('EUR');
    expect(cart).toMatchObject({
      currency: 'EUR',
      status: 'active',
      email: null,
      shipping_address: null,
      items: [],
      sellers: [],
      totals: { subtotal: eur(0), shipping: eur(0), tax: eur(0), total: eur(0) },
      tax_rate_bps: null,
      checkout_ready: false,
      completed_at: null,
    });
    expect(cart.problems.map((p) => p.code)).toEqual(['cart_empty', 'cart_incomplete', 'cart_incomplete']);
    const read = await api.get<Cart>(`/store/carts/${cart.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(cart);
  });

  it('gives each cart an unguessable id: cart_ + 22 base62 characters, all different', async () => {
    const ids = await Promise.all(Array.from({ length: 20 }, () => createCart('USD').then((c) => c.id)));
    for (const id of ids) expect(id).toMatch(/^cart_[0-9A-Za-z]{22}$/);
    expect(new Set(ids).size).toBe(ids.length);
    // Not time-ordered like a ULID: carts made in the same millisecond share no long prefix.
    const prefixes = new Set(ids.map((id) => id.slice(0, 8)));
    expect(prefixes.size).toBeGreaterThan(15);
  });

  it('draws ids uniformly from the whole base62 alphabet (not a timestamp, not base32)', () => {
    const counts = new Map<string, number>();
    const n = 3000;
    for (let i = 0; i < n; i++) {
      for (const ch of newCartId().slice(5)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    expect(counts.size).toBe(62);
    const expected = (n * 22) / 62; // ≈ 1065 per character
    for (const count of counts.values()) expect(Math.abs(count - expected)).toBeLessThan(expected * 0.25);
  });

  it('does not find an unknown or altered cart id', async () => {
    const cart = await createCart();
    for (const id of [newCartId(), cart.id.toUpperCase().replace('CART_', 'cart_'), `${cart.id}x`]) {
      if (id === cart.id) continue;
      const res = await api.get<Problem>(`/store/carts/${id}`);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('not_found');
    }
  });
});

describe('a cart with items of two sellers', () => {
  const a = pickVariant('atlas-outfitters', { eur: true, minStock: 10 });
  const b = pickVariant('nordic-home', { eur: true, minStock: 5 });
  const aEur = a.eur ?? 0;
  const bEur = b.eur ?? 0;
  let cart: Cart;

  it('prices each line and groups the lines by seller, each with its own shipping', async () => {
    cart = await createCart('EUR');
    expect((await addItem(cart.id, a.variantId, 2)).status).toBe(200);
    const res = await addItem(cart.id, b.variantId, 1);
    expect(res.status).toBe(200);
    cart = res.body;
    expect(cart.items).toEqual([
      {
        id: expect.stringMatching(/^item_[0-9A-HJKMNP-TV-Z]{26}$/),
        variant_id: a.variantId,
        product_id: a.productId,
        product_handle: a.productHandle,
        product_title: a.productTitle,
        variant_title: a.variantTitle,
        sku: a.sku,
        seller_id: sellerId('atlas-outfitters'),
        quantity: 2,
        unit_price: eur(aEur),
        subtotal: eur(2 * aEur),
        available_quantity: a.stock,
      },
      expect.objectContaining({
        variant_id: b.variantId,
        quantity: 1,
        unit_price: eur(bEur),
        subtotal: eur(bEur),
      }),
    ]);
    const [itemA, itemB] = cart.items;
    // No address yet: no tax, and the rate is null.
    expect(cart.sellers).toEqual([
      {
        seller_id: sellerId('atlas-outfitters'),
        seller_name: 'Atlas Outfitters',
        item_ids: [itemA?.id],
        subtotal: eur(2 * aEur),
        shipping: eur(449),
        tax: eur(0),
        total: eur(2 * aEur + 449),
      },
      {
        seller_id: sellerId('nordic-home'),
        seller_name: 'Nordic Home',
        item_ids: [itemB?.id],
        subtotal: eur(bEur),
        shipping: eur(549),
        tax: eur(0),
        total: eur(bEur + 549),
      },
    ]);
    expect(cart.totals).toEqual({
      subtotal: eur(2 * aEur + bEur),
      shipping: eur(998),
      tax: eur(0),
      total: eur(2 * aEur + bEur + 998),
    });
    expect(cart.tax_rate_bps).toBeNull();
  });

  it('taxes each seller group by the destination country (DE: 19 %) and the totals add up exactly', async () => {
    const res = await api.request<Cart>('PATCH', `/store/carts/${cart.id}`, {
      json: { email: 'erika@example.com', shipping_address: address('DE') },
    });
    expect(res.status).toBe(200);
    cart = res.body;
    expect(cart.email).toBe('erika@example.com');
    expect(cart.shipping_address).toEqual({ ...address('DE'), line2: null, region: null, phone: null });
    expect(cart.tax_rate_bps).toBe(1900);
    const taxA = taxOf(2 * aEur + 449, 1900);
    const taxB = taxOf(bEur + 549, 1900);
    expect(cart.sellers.map((s) => [s.tax, s.total])).toEqual([
      [eur(taxA), eur(2 * aEur + 449 + taxA)],
      [eur(taxB), eur(bEur + 549 + taxB)],
    ]);
    expect(cart.totals).toEqual({
      subtotal: eur(2 * aEur + bEur),
      shipping: eur(998),
      tax: eur(taxA + taxB),
      total: eur(2 * aEur + bEur + 998 + taxA + taxB),
    });
    const sum = (pick: (s: Cart['sellers'][number]) => { amount: number } | null) =>
      cart.sellers.reduce((n, s) => n + (pick(s)?.amount ?? Number.NaN), 0);
    expect(sum((s) => s.total)).toBe(cart.totals.total?.amount);
    expect(sum((s) => s.subtotal) + sum((s) => s.shipping) + sum((s) => s.tax)).toBe(
      cart.totals.total?.amount,
    );
    expect(cart.checkout_ready).toBe(true);
    expect(cart.problems).toEqual([]);
  });

  it('merges a variant added again into its line', async () => {
    const before = cart.items[0];
    const res = await addItem(cart.id, a.variantId, 3);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(2);
    expect(res.body.items[0]).toMatchObject({ id: before?.id, quantity: 5, subtotal: eur(5 * aEur) });
    cart = res.body;
  });

  it('changes the quantity of a line and removes a line', async () => {
    const [itemA, itemB] = cart.items;
    const patched = await api.request<Cart>('PATCH', `/store/carts/${cart.id}/items/${itemA?.id}`, {
      json: { quantity: 1 },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.items[0]).toMatchObject({ id: itemA?.id, quantity: 1, subtotal: eur(aEur) });
    const removed = await api.request<Cart>('DELETE', `/store/carts/${cart.id}/items/${itemB?.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.items.map((i) => i.id)).toEqual([itemA?.id]);
    expect(removed.body.sellers.map((s) => s.seller_id)).toEqual([sellerId('atlas-outfitters')]);
    const taxA = taxOf(aEur + 449, 1900);
    expect(removed.body.totals.total).toEqual(eur(aEur + 449 + taxA));
    expect(Date.parse(removed.body.updated_at)).toBeGreaterThanOrEqual(Date.parse(cart.updated_at));
    cart = removed.body;
  });

  it('prices from the current catalog on every read (nothing priced is stored)', async () => {
    const db = api.db.container.database.db;
    await db
      .updateTable('variant_prices')
      .set({ amount: aEur + 1000 })
      .where('variant_id', '=', a.variantId)
      .where('currency', '=', 'EUR')
      .execute();
    const res = await api.get<Cart>(`/store/carts/${cart.id}`);
    expect(res.body.items[0]?.unit_price).toEqual(eur(aEur + 1000));
    expect(res.body.totals.subtotal).toEqual(eur(aEur + 1000));
  });

  it('clears the address with null: tax goes back to 0 and the rate to null', async () => {
    const res = await api.request<Cart>('PATCH', `/store/carts/${cart.id}`, {
      json: { shipping_address: null },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      email: 'erika@example.com',
      shipping_address: null,
      tax_rate_bps: null,
    });
    expect(res.body.totals.tax).toEqual(eur(0));
    expect(res.body.problems).toEqual([
      { code: 'cart_incomplete', detail: 'Add a shipping address.', item_id: null, seller_id: null },
    ]);
  });
});

describe('USD carts', () => {
  it('charge no tax at a 0 % rate (US) and ship free from a free-shipping seller', async () => {
    const c = pickVariant('pixel-forge', { minStock: 1 });
    const cart = await createCart('USD');
    await addItem(cart.id, c.variantId, 1);
    const res = await api.request<Cart>('PATCH', `/store/carts/${cart.id}`, {
      json: {
        email: 'buyer@example.com',
        shipping_address: { ...address('US'), region: 'CA', phone: '+1 555 0100' },
      },
    });
    expect(res.body.tax_rate_bps).toBe(0);
    expect(res.body.shipping_address?.phone).toBe('+1 555 0100');
    expect(res.body.totals).toEqual({
      subtotal: { amount: c.usd, currency: 'USD' },
      shipping: { amount: 0, currency: 'USD' },
      tax: { amount: 0, currency: 'USD' },
      total: { amount: c.usd, currency: 'USD' },
    });
    expect(res.body.checkout_ready).toBe(true);
  });
});

describe('Idempotency-Key', () => {
  it('replays a cart creation instead of making a second cart', async () => {
    const headers = { 'Idempotency-Key': 'create-cart-1' };
    const first = await api.request<Cart>('POST', '/store/carts', { json: { currency: 'USD' }, headers });
    const again = await api.request<Cart>('POST', '/store/carts', { json: { currency: 'USD' }, headers });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const other = await api.request<Problem>('POST', '/store/carts', { json: { currency: 'EUR' }, headers });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');
  });

  it('adds the units of a retried add once', async () => {
    const v = pickVariant('nordic-home', { minStock: 4, n: 1 });
    const cart = await createCart('USD');
    const headers = { 'Idempotency-Key': `add-${cart.id}` };
    await addItem(cart.id, v.variantId, 2, headers);
    const retry = await addItem(cart.id, v.variantId, 2, headers);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const res = await api.get<Cart>(`/store/carts/${cart.id}`);
    expect(res.body.items.map((i) => i.quantity)).toEqual([2]);
    const db = api.db.container.database.db;
    const count = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM cart_items WHERE cart_id = ${cart.id}`.execute(db);
    expect(count.rows[0]?.n).toBe(1);
  });
});
