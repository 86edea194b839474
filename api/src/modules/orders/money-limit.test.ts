import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublished } from '../../../test/support/seller-catalog.js';
import { checkout, readyCart } from '../../../test/support/shopping.js';
import { startTestApi, type TestApi } from '../../../test/support/test-api.js';
import type { components } from '../../generated/openapi.js';

type Cart = components['schemas']['Cart'];
/** The spec's `MinorUnits` maximum. */
const MAX = 999_999_999_999;

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

describe('the money limit after a price change', () => {
  it('a cart pushed over the largest amount is shown within the spec and cannot be checked out', async () => {
    const base = await createPublished(api);
    const variant = base.variants[0];
    if (!variant) throw new Error('no variant');
    await api.request('PATCH', `/seller/products/${base.id}/variants/${variant.id}`, {
      json: { inventory_quantity: 100 },
    });
    const other = (await createPublished(api)).variants[0];
    const cart = await readyCart(api, [
      { variantId: other?.id ?? '', quantity: 1 },
      { variantId: variant.id, quantity: 100 },
    ]);
    expect(cart.checkout_ready).toBe(true);

    // 100 units at the largest price: 100 × 999,999,999,999 is far above what the API can represent.
    const raised = await api.request('PATCH', `/seller/products/${base.id}/variants/${variant.id}`, {
      json: { prices: [{ amount: MAX, currency: 'USD' }] },
    });
    expect(raised.status).toBe(200);

    // test-api checks every amount against the spec's maximum.
    const read = await api.get<Cart>(`/store/carts/${cart.id}`);
    expect(read.status).toBe(200);
    expect(read.body.checkout_ready).toBe(false);
    const over = read.body.items.find((i) => i.variant_id === variant.id);
    expect(over).toMatchObject({ quantity: 100, unit_price: null, subtotal: null });
    expect(read.body.problems).toContainEqual(
      expect.objectContaining({ code: 'quantity_limit_exceeded', item_id: over?.id }),
    );
    expect(read.body.totals.total?.amount).toBeLessThanOrEqual(MAX);

    const ordersBefore = await api.db.container.database.db.selectFrom('orders').select('id').execute();
    const res = await checkout(api, cart.id);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('quantity_limit_exceeded');
    const ordersAfter = await api.db.container.database.db.selectFrom('orders').select('id').execute();
    expect(ordersAfter).toHaveLength(ordersBefore.length);

    // Lowering the quantity, or any other change that does not grow the cart, still works.
    const item = read.body.items.find((i) => i.variant_id === variant.id);
    const email = await api.request<Cart>('PATCH', `/store/carts/${cart.id}`, {
      json: { email: 'again@example.com' },
    });
    expect(email.status).toBe(200);
    const grow = await api.request('POST', `/store/carts/${cart.id}/items`, {
      json: { variant_id: other?.id, quantity: 1 },
    });
    expect(grow.status).toBe(422);
    const lowered = await api.request<Cart>('PATCH', `/store/carts/${cart.id}/items/${item?.id}`, {
      json: { quantity: 50 },
    });
    expect(lowered.status).toBe(200);
    expect(lowered.body.checkout_ready).toBe(false);
    const removed = await api.request<Cart>('DELETE', `/store/carts/${cart.id}/items/${item?.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.checkout_ready).toBe(true);
  });
});
