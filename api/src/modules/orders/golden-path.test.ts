import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buyableVariants, checkout, readyCart } from '../../../test/support/shopping.js';
import { startTestApi, type TestApi } from '../../../test/support/test-api.js';
import { testDriver } from '../../../test/support/test-db.js';
import type { components } from '../../generated/openapi.js';

type Schemas = components['schemas'];

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const amountIn = (list: Schemas['Money'][], currency = 'USD') =>
  list.find((m) => m.currency === currency)?.amount ?? 0;

describe(`the marketplace golden path (${testDriver})`, () => {
  it('onboard → list → buy from two sellers → each ships its part → capture → payout → balances reconcile', async () => {
    // Operator onboards a seller, approves it, issues its key.
    const seller = await api.request<Schemas['AdminSeller']>('POST', '/admin/sellers', {
      json: { handle: 'golden-goods', name: 'Golden Goods' },
      headers: { 'idempotency-key': 'onboard-golden' },
    });
    expect(seller.status).toBe(201);
    await api.request('POST', `/admin/sellers/${seller.body.id}/approve`);
    await api.request('PUT', `/admin/sellers/${seller.body.id}/commission`, {
      json: { commission_bps: 1500 },
    });
    const key = await api.request<Schemas['ApiKeyCreated']>('POST', `/admin/sellers/${seller.body.id}/keys`, {
      json: { name: 'Shop' },
    });
    const sellerKey = key.body.secret;
    const rate = await api.request<Schemas['Money']>('PUT', '/seller/shipping-rates/USD', {
      key: sellerKey,
      json: { amount: 650 },
    });
    expect(rate.body).toEqual({ amount: 650, currency: 'USD' });

    // The seller lists a product with stock and publishes it.
    const teapotImage = { url: 'https://cdn.example.com/teapot.jpg', alt: 'Teapot', width: 800, height: 800 };
    const product = await api.request<Schemas['SellerProduct']>('POST', '/seller/products', {
      key: sellerKey,
      json: {
        handle: 'golden-teapot',
        title: 'Golden Teapot',
        category: 'tableware',
        images: [teapotImage],
        options: [{ name: 'Size', values: ['1 l'] }],
        variants: [
          {
            sku: 'GG-TEAPOT-1L',
            title: '1 l',
            options: { Size: '1 l' },
            prices: [{ amount: 4500, currency: 'USD' }],
            inventory_quantity: 5,
          },
        ],
      },
    });
    expect(product.status).toBe(201);
    await api.request('POST', `/seller/products/${product.body.id}/publish`, { key: sellerKey });
    const listed = await api.get<Schemas['ProductList']>('/store/products?q=teapot&seller=golden-goods');
    const teapot = listed.body.data[0]?.variants[0];
    expect(teapot?.price).toEqual({ amount: 4500, currency: 'USD' });

    // The storefront carts items from two sellers and checks out once.
    const other = buyableVariants('atlas-outfitters', 3)[0];
    const cart = await readyCart(api, [
      { variantId: teapot?.id ?? '', quantity: 2 },
      { variantId: other?.id ?? '', quantity: 1 },
    ]);
    const placed = await checkout(api, cart.id);
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    const order = placed.body;
    expect(order.seller_orders).toHaveLength(2);
    const mine = order.seller_orders.find((s) => s.seller_id === seller.body.id);
    const theirs = order.seller_orders.find((s) => s.seller_id !== seller.body.id);
    expect(mine?.commission).toEqual({ rate_bps: 1500, amount: { amount: 1350, currency: 'USD' } });
    // Lines show the product's first image for thumbnails (the demo's products here have none).
    expect(mine?.lines[0]?.image).toEqual(teapotImage);
    expect(theirs?.lines[0]?.image).toBeUndefined();

    // Each seller sees only its part.
    const myOrders = await api.get<Schemas['SellerOrderList']>('/seller/orders', { key: sellerKey });
    expect(myOrders.body.data.map((s) => s.id)).toEqual([mine?.id]);
    expect(myOrders.body.data[0]?.lines.map((l) => l.sku)).toEqual(['GG-TEAPOT-1L']);
    const atlasOrders = await api.get<Schemas['SellerOrderList']>('/seller/orders', {
      key: 'sk_demo_seller_1',
    });
    expect(atlasOrders.body.data.map((s) => s.id)).toContain(theirs?.id);
    expect(atlasOrders.body.data.map((s) => s.id)).not.toContain(mine?.id);

    // Before shipping: money pending, nothing available, payout pays nothing to this seller.
    let balance = await api.get<Schemas['Balance']>('/seller/balance', { key: sellerKey });
    const net = (mine?.totals.total.amount ?? 0) - 1350;
    expect(balance.body).toEqual({
      seller_id: seller.body.id,
      available: [],
      pending: [{ amount: net, currency: 'USD' }],
    });

    // Ship in two parts: the first partial, the second completes and captures.
    const line = mine?.lines[0];
    const part = await api.request<Schemas['SellerOrder']>(
      'POST',
      `/seller/orders/${mine?.id}/fulfillments`,
      {
        key: sellerKey,
        json: { carrier: 'DHL', tracking_number: 'T-1', lines: [{ line_id: line?.id, quantity: 1 }] },
      },
    );
    expect(part.body).toMatchObject({ status: 'partially_fulfilled', payment_status: 'authorized' });
    const rest = await api.request<Schemas['SellerOrder']>(
      'POST',
      `/seller/orders/${mine?.id}/fulfillments`,
      {
        key: sellerKey,
        json: { carrier: 'DHL', tracking_number: 'T-2' },
      },
    );
    expect(rest.body).toMatchObject({ status: 'fulfilled', payment_status: 'captured' });
    expect(rest.body.fulfillments.map((f) => f.lines)).toEqual([
      [{ line_id: line?.id, quantity: 1 }],
      [{ line_id: line?.id, quantity: 1 }],
    ]);
    balance = await api.get<Schemas['Balance']>('/seller/balance', { key: sellerKey });
    expect(balance.body.available).toEqual([{ amount: net, currency: 'USD' }]);
    expect(balance.body.pending).toEqual([]);

    const buyerView = await api.get<Schemas['Order']>(`/store/orders/${order.id}`, {
      headers: { 'x-order-token': order.access_token ?? '' },
    });
    expect(buyerView.body.status).toBe('partially_fulfilled');
    expect(buyerView.body.payment.captured).toEqual(mine?.totals.total);

    // Payout run pays the available balance once; a second run pays nothing more.
    const run = await api.request<Schemas['PayoutList']>('POST', '/admin/payouts');
    const payout = run.body.data.find((p) => p.seller_id === seller.body.id);
    expect(payout?.amount).toEqual({ amount: net, currency: 'USD' });
    const second = await api.request<Schemas['PayoutList']>('POST', '/admin/payouts');
    expect(second.body.data.find((p) => p.seller_id === seller.body.id)).toBeUndefined();
    balance = await api.get<Schemas['Balance']>('/seller/balance', { key: sellerKey });
    expect(balance.body.available).toEqual([]);
    expect((await api.get<Schemas['PayoutList']>('/seller/payouts', { key: sellerKey })).body.data).toEqual([
      payout,
    ]);

    // Reconcile: what this seller was paid = its fulfilled seller orders' totals less commission.
    const fulfilled = (
      await api.get<Schemas['SellerOrderList']>('/seller/orders?status=fulfilled', { key: sellerKey })
    ).body.data;
    const owed = fulfilled.reduce((sum, so) => sum + so.totals.total.amount - so.commission.amount.amount, 0);
    const paid = (await api.get<Schemas['PayoutList']>('/seller/payouts', { key: sellerKey })).body.data;
    expect(paid.reduce((sum, p) => sum + p.amount.amount, 0)).toBe(owed);
    expect(await api.db.container.ledger.unbalanced()).toEqual([]);
  });

  it('cancels a seller order before shipping: restock, void, commission clawed back, others untouched', async () => {
    const [a, b] = [buyableVariants('atlas-outfitters', 3)[1], buyableVariants('nordic-home', 3)[0]];
    const db = api.db.container.database.db;
    const stock = async (id: string) =>
      (
        await db
          .selectFrom('variants')
          .select('inventory_quantity')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).inventory_quantity;
    const cart = await readyCart(api, [
      { variantId: a?.id ?? '', quantity: 2 },
      { variantId: b?.id ?? '', quantity: 1 },
    ]);
    const order = (await checkout(api, cart.id)).body;
    const atlasPart = order.seller_orders.find((s) => s.seller_id === a?.sellerId);
    const before = await stock(a?.id ?? '');
    const pendingBefore = amountIn(
      (await api.get<Schemas['Balance']>('/seller/balance', { key: 'sk_demo_seller_1' })).body.pending,
    );

    const cancelled = await api.request<Schemas['SellerOrder']>(
      'POST',
      `/seller/orders/${atlasPart?.id}/cancel`,
      { key: 'sk_demo_seller_1' },
    );
    expect(cancelled.body).toMatchObject({ status: 'cancelled', payment_status: 'voided' });
    expect(await stock(a?.id ?? '')).toBe(before + 2);
    const pendingAfter = amountIn(
      (await api.get<Schemas['Balance']>('/seller/balance', { key: 'sk_demo_seller_1' })).body.pending,
    );
    expect(pendingBefore - pendingAfter).toBe(
      (atlasPart?.totals.total.amount ?? 0) - (atlasPart?.commission.amount.amount ?? 0),
    );

    const again = await api.request('POST', `/seller/orders/${atlasPart?.id}/cancel`, {
      key: 'sk_demo_seller_1',
    });
    expect(again.status).toBe(409);
    const ship = await api.request('POST', `/seller/orders/${atlasPart?.id}/fulfillments`, {
      key: 'sk_demo_seller_1',
      json: { carrier: 'UPS', tracking_number: '1Z' },
    });
    expect(ship.status).toBe(409);

    const view = await api.get<Schemas['Order']>(`/store/orders/${order.id}`, {
      headers: { 'x-order-token': order.access_token ?? '' },
    });
    expect(view.body.status).toBe('placed');
    expect(view.body.payment.voided).toEqual(atlasPart?.totals.total);
    expect(view.body.seller_orders.find((s) => s.seller_id === b?.sellerId)?.status).toBe('open');
    const nordicPart = order.seller_orders.find((s) => s.seller_id === b?.sellerId);
    await api.request('POST', `/seller/orders/${nordicPart?.id}/cancel`, { key: 'sk_demo_seller_2' });
    const all = await api.get<Schemas['Order']>(`/store/orders/${order.id}`, {
      headers: { 'x-order-token': order.access_token ?? '' },
    });
    expect(all.body.status).toBe('cancelled');
    expect(await api.db.container.ledger.unbalanced()).toEqual([]);
  });

  it('lets a suspended seller still ship and be paid for the orders it already has', async () => {
    const variant = buyableVariants('pixel-forge', 3)[0];
    const order = (
      await checkout(api, (await readyCart(api, [{ variantId: variant?.id ?? '', quantity: 1 }])).id)
    ).body;
    await api.request('POST', `/admin/sellers/${variant?.sellerId}/suspend`);
    try {
      expect((await api.get(`/store/products?seller=pixel-forge`)).body).toMatchObject({ data: [] });
      const shipped = await api.request<Schemas['SellerOrder']>(
        'POST',
        `/seller/orders/${order.seller_orders[0]?.id}/fulfillments`,
        {
          key: 'sk_demo_seller_3',
          json: { carrier: 'UPS', tracking_number: '1Z999' },
        },
      );
      expect(shipped.status).toBe(201);
      expect(shipped.body).toMatchObject({ status: 'fulfilled', payment_status: 'captured' });
      const run = await api.request<Schemas['PayoutList']>('POST', '/admin/payouts');
      expect(run.body.data.some((p) => p.seller_id === variant?.sellerId)).toBe(true);
    } finally {
      await api.request('POST', `/admin/sellers/${variant?.sellerId}/reactivate`);
    }
  });

  it('keeps sellers out of each other’s orders: every /seller/orders route answers 404', async () => {
    const a = buyableVariants('atlas-outfitters', 3)[2];
    const order = (await checkout(api, (await readyCart(api, [{ variantId: a?.id ?? '', quantity: 1 }])).id))
      .body;
    const id = order.seller_orders[0]?.id;
    const asOther = { key: 'sk_demo_seller_2' };
    expect((await api.get(`/seller/orders/${id}`, asOther)).status).toBe(404);
    expect(
      (
        await api.request('POST', `/seller/orders/${id}/fulfillments`, {
          ...asOther,
          json: { carrier: 'X', tracking_number: 'Y' },
        })
      ).status,
    ).toBe(404);
    expect((await api.request('POST', `/seller/orders/${id}/cancel`, asOther)).status).toBe(404);
    const list = await api.get<Schemas['SellerOrderList']>('/seller/orders?limit=100', asOther);
    expect(list.body.data.map((s) => s.id)).not.toContain(id);
    expect((await api.get<Schemas['SellerOrder']>(`/seller/orders/${id}`)).body.status).toBe('open'); // untouched
    const bad = await api.request('POST', `/seller/orders/${id}/fulfillments`, {
      json: { carrier: 'X', tracking_number: 'Y', lines: [{ line_id: 'line_nope', quantity: 1 }] },
    });
    expect(bad.status).toBe(400);
  });
});
