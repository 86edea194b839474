import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buyableVariants, checkout, readyCart } from '../../../test/support/shopping.js';
import { startTestApi, type TestApi } from '../../../test/support/test-api.js';
import type { Problem } from '../../errors.js';
import type { components } from '../../generated/openapi.js';
import { eventsOf } from '../events/index.js';

type Schemas = components['schemas'];

let api: TestApi;
const atlas = buyableVariants('atlas-outfitters', 5);
const nordic = buyableVariants('nordic-home', 5);
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const db = () => api.db.container.database.db;
const stockOf = async (variantId: string) =>
  (
    await db()
      .selectFrom('variants')
      .select('inventory_quantity')
      .where('id', '=', variantId)
      .executeTakeFirstOrThrow()
  ).inventory_quantity;
const count = async (table: 'orders' | 'ledger_entries' | 'payments') =>
  Number(
    (
      await db()
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('checkout', () => {
  it('places one order split into one seller order per seller, with commission, totals that add up and an access token', async () => {
    const [a, b] = [atlas[0], nordic[0]];
    if (!a || !b) throw new Error('demo data has no buyable variants');
    const before = [await stockOf(a.id), await stockOf(b.id)];
    const cart = await readyCart(api, [
      { variantId: a.id, quantity: 2 },
      { variantId: b.id, quantity: 1 },
    ]);
    const res = await checkout(api, cart.id);
    expect(res.status).toBe(201);
    const order = res.body;
    expect(order.status).toBe('placed');
    expect(order.access_token).toMatch(/^ot_/);
    expect(order.seller_orders.map((s) => s.seller_id).sort()).toEqual([a.sellerId, b.sellerId].sort());
    expect(order.totals).toEqual(cart.totals);
    for (const part of ['subtotal', 'shipping', 'tax', 'total'] as const) {
      expect(order.seller_orders.reduce((sum, s) => sum + s.totals[part].amount, 0)).toBe(
        order.totals[part].amount,
      );
    }
    for (const so of order.seller_orders) {
      expect(so.commission.rate_bps).toBe(1000);
      expect(so.commission.amount.amount).toBe(Math.round(so.totals.subtotal.amount / 10));
      expect(so.status).toBe('open');
      expect(so.payment_status).toBe('authorized');
    }
    expect(order.payment).toMatchObject({ status: 'authorized', authorized: order.totals.total });
    expect([await stockOf(a.id), await stockOf(b.id)]).toEqual([(before[0] ?? 0) - 2, (before[1] ?? 0) - 1]);
    const stockEvents = (await eventsOf(db(), a.id)).filter((e) => e.type === 'inventory.updated');
    const product = await db()
      .selectFrom('variants')
      .select(['product_id', 'sku'])
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    // The payload `inventoryUpdated` builds for every other stock writer, written here by SQL.
    expect(stockEvents.at(-1)?.data).toEqual({
      variant_id: a.id,
      product_id: product.product_id,
      sku: product.sku,
      inventory_quantity: (before[0] ?? 0) - 2,
      previous_quantity: before[0],
    });
    // Stock events follow the order's, in the order's transaction.
    const orderEvents = await eventsOf(db(), order.id);
    expect(orderEvents.map((e) => e.type)).toEqual([
      'order.placed',
      'seller_order.placed',
      'seller_order.placed',
    ]);
    expect(stockEvents.at(-1)?.position).toBeGreaterThan(orderEvents.at(-1)?.position ?? Infinity);
    expect(stockEvents.at(-1)?.seller_id).toBe(a.sellerId);

    // The cart is done: adding to it or checking it out again with a new key is refused.
    const again = await checkout(api, cart.id, { key: 'another-key' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('cart_completed');

    // The buyer reads the order with its token; nobody else can.
    const read = await api.get<Schemas['Order']>(`/store/orders/${order.id}`, {
      headers: { 'x-order-token': order.access_token ?? '' },
    });
    expect(read.status).toBe(200);
    expect(read.body.access_token).toBeUndefined();
    // Checkout answers from the rows it wrote, without reading them back: the same order as stored.
    // The buyer's read adds what checkout cannot know yet: each line's review (none so far).
    const { access_token: _token, ...stored } = order;
    expect(read.body).toEqual({
      ...stored,
      seller_orders: stored.seller_orders.map((part) => ({
        ...part,
        lines: part.lines.map((line) => ({ ...line, review: null })),
      })),
    });
    const wrong = await api.get<Problem>(`/store/orders/${order.id}`, {
      headers: { 'x-order-token': 'ot_guess' },
    });
    expect(wrong.status).toBe(404);
    const none = await api.get<Problem>(`/store/orders/${order.id}`);
    expect(none.status).toBe(404); // as the spec and README say: a missing token is a wrong token
    expect(none.body.code).toBe('not_found');
  });

  it('replays the first response for the same key and body, refuses another body, and never makes a second order', async () => {
    const cart = await readyCart(api, [{ variantId: atlas[1]?.id ?? '', quantity: 1 }]);
    const orders = await count('orders');
    const first = await checkout(api, cart.id, { key: 'idem-1' });
    const second = await checkout(api, cart.id, { key: 'idem-1' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const other = await checkout(api, cart.id, { key: 'idem-1', paymentMethod: 'pm_card_mastercard' });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');
    expect(await count('orders')).toBe(orders + 1);
  });

  it('gives concurrent duplicates one order: the others wait and replay it or get 409', async () => {
    const cart = await readyCart(api, [{ variantId: atlas[2]?.id ?? '', quantity: 1 }]);
    const orders = await count('orders');
    const results = await Promise.all(
      Array.from({ length: 6 }, () => checkout(api, cart.id, { key: 'idem-race' })),
    );
    const ids = new Set(results.filter((r) => r.status === 201).map((r) => r.body.id));
    expect(ids.size).toBe(1);
    expect(
      results.every(
        (r) => r.status === 201 || (r.status === 409 && r.body.code === 'idempotency_in_progress'),
      ),
    ).toBe(true);
    expect(await count('orders')).toBe(orders + 1);
  });

  it('runs 8 SQL statements per checkout, whatever the number of sellers and lines', async () => {
    const carts = [
      await readyCart(api, [{ variantId: atlas[7]?.id ?? '', quantity: 1 }]),
      await readyCart(api, [
        { variantId: atlas[8]?.id ?? '', quantity: 2 },
        { variantId: atlas[9]?.id ?? '', quantity: 1 },
        { variantId: nordic[2]?.id ?? '', quantity: 1 },
      ]),
    ];
    for (const cart of carts) {
      api.resetQueryCount();
      expect((await checkout(api, cart.id)).status).toBe(201);
      // The key's claim, the unlocked pricing read that decides the amount to authorize, BEGIN, the
      // pricing read again (cart locked, lines, shipping, tax, commission), order rows with their
      // events, ledger posting and the cart's completion, response stored, stock with its events,
      // COMMIT (10 while the ledger and the cart's completion were statements of their own; 9 while the
      // payment was authorized inside the transaction, under the cart's lock; 26 for two sellers before each table was written in one statement and the order was no
      // longer read back; 14 before the pricing reads were one statement and the order's events
      // were written by the order's statement).
      expect(api.queryCount({ requestsOnly: true })).toBe(8);
    }
  });

  it('requires an Idempotency-Key', async () => {
    const cart = await readyCart(api, [{ variantId: atlas[3]?.id ?? '', quantity: 1 }]);
    const res = await api.request<Problem>('POST', `/store/carts/${cart.id}/checkout`, {
      json: { payment_method: 'pm_card_visa' },
    });
    expect(res.status).toBe(400);
  });

  it.each([
    ['pm_card_declined', 'payment_declined'],
    ['pm_card_insufficient_funds', 'payment_insufficient_funds'],
    ['pm_card_review', 'payment_requires_review'],
    ['pm_unknown', 'payment_declined'],
  ])('%s leaves no order, no reserved stock and no ledger entry (%s)', async (method, code) => {
    const variant = atlas[4];
    if (!variant) throw new Error('no variant');
    const cart = await readyCart(api, [{ variantId: variant.id, quantity: 1 }]);
    const before = {
      stock: await stockOf(variant.id),
      orders: await count('orders'),
      ledger: await count('ledger_entries'),
      payments: await count('payments'),
    };
    const res = await checkout(api, cart.id, { paymentMethod: method, key: `decline-${method}` });
    expect(res.status).toBe(402);
    expect(res.body.code).toBe(code);
    expect({
      stock: await stockOf(variant.id),
      orders: await count('orders'),
      ledger: await count('ledger_entries'),
      payments: await count('payments'),
    }).toEqual(before);
    // The cart is still open: the buyer can pay another way.
    expect((await checkout(api, cart.id, { key: `retry-${method}` })).status).toBe(201);
  });

  it('refuses an incomplete or empty cart and an unknown cart', async () => {
    const empty = await api.request<Schemas['Cart']>('POST', '/store/carts', { json: { currency: 'USD' } });
    expect((await checkout(api, empty.body.id)).body.code).toBe('cart_empty');
    const noAddress = await api.request<Schemas['Cart']>('POST', '/store/carts', {
      json: { currency: 'USD' },
    });
    await api.request('POST', `/store/carts/${noAddress.body.id}/items`, {
      json: { variant_id: atlas[5]?.id, quantity: 1 },
    });
    expect((await checkout(api, noAddress.body.id)).body.code).toBe('cart_incomplete');
    const unknown = await checkout(api, `cart_${'x'.repeat(24)}`);
    expect(unknown.status).toBe(404);
  });

  it('answers out_of_stock when stock ran out after the item was carted', async () => {
    const variant = atlas[6];
    if (!variant) throw new Error('no variant');
    const cart = await readyCart(api, [{ variantId: variant.id, quantity: 2 }]);
    await db().updateTable('variants').set({ inventory_quantity: 1 }).where('id', '=', variant.id).execute();
    const res = await checkout(api, cart.id);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('out_of_stock');
    expect(await stockOf(variant.id)).toBe(1);
  });

  it('refuses to sell a suspended seller’s items at checkout', async () => {
    const variant = nordic[1];
    if (!variant) throw new Error('no variant');
    const cart = await readyCart(api, [{ variantId: variant.id, quantity: 1 }]);
    await api.request('POST', `/admin/sellers/${variant.sellerId}/suspend`);
    try {
      const res = await checkout(api, cart.id);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('variant_unavailable');
    } finally {
      await api.request('POST', `/admin/sellers/${variant.sellerId}/reactivate`);
    }
  });
});
