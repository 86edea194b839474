import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buyableVariants, readyCart } from '../../../test/support/shopping.js';
import { startTestApi, type TestApi } from '../../../test/support/test-api.js';
import { AppError } from '../../errors.js';
import { createIdempotency, type WriteRequest } from '../../http/idempotency.js';
import { createReplaySeal } from '../../http/idempotency.seal.js';
import { createTestPaymentProvider, type TestPaymentProvider } from '../payments/provider.js';
import { createCheckoutService } from './checkout.service.js';

// Checkout as the handler runs it (idempotency owner + checkout service) over the test API's database,
// with a test provider of its own per test: its holds show what is left authorized.
let api: TestApi;
const atlas = buyableVariants('atlas-outfitters', 5);
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());
const db = () => api.db.container.database.db;

/** The test provider, with `during` run inside each authorize call before it answers. */
function provider(latencyMs = 0) {
  const real = createTestPaymentProvider({ latencyMs });
  const calls: string[] = [];
  const hooks: { during?: (call: number) => Promise<void> } = {};
  const payments: TestPaymentProvider = {
    ...real,
    async authorize(input) {
      calls.push(input.reference);
      await hooks.during?.(calls.length);
      return real.authorize(input);
    },
  };
  return { payments, calls, hooks };
}

function checkoutWith(payments: TestPaymentProvider, lockMs?: number) {
  const idem = createIdempotency({
    db: db(),
    seal: createReplaySeal(randomBytes(32)),
    ...(lockMs ? { lockMs } : {}),
  });
  const service = createCheckoutService({ db: db(), payments });
  return (cartId: string, key: string, paymentMethod = 'pm_card_visa') => {
    const req: WriteRequest = {
      operationId: 'checkoutStoreCart',
      method: 'POST',
      path: `/store/carts/${cartId}/checkout`,
      body: { payment_method: paymentMethod },
      headers: { 'idempotency-key': key },
      principal: { kind: 'publishable', keyId: 'pk_payment_test' },
    };
    return idem.run(req, 201, service.checkout({ cartId, paymentMethod }), { required: true });
  };
}

/** Whether another transaction holds the cart row's lock now. */
async function cartLocked(cartId: string): Promise<boolean> {
  try {
    await db().selectFrom('carts').select('id').where('id', '=', cartId).forUpdate().noWait().execute();
    return false;
  } catch (err) {
    if ((err as { code?: string }).code === '55P03') return true;
    throw err;
  }
}

const ordersOf = async (cartId: string) =>
  (await db().selectFrom('orders').select('id').where('cart_id', '=', cartId).execute()).map((o) => o.id);
const paymentOf = (orderId: string) =>
  db().selectFrom('payments').selectAll().where('order_id', '=', orderId).executeTakeFirstOrThrow();
const variant = (i: number) => atlas[i]?.id ?? '';

describe('payment authorization before the checkout transaction', () => {
  it('authorizes the cart total while the cart is not locked, and places the order for that amount', async () => {
    const { payments, hooks } = provider(50);
    const place = checkoutWith(payments);
    const cart = await readyCart(api, [{ variantId: variant(0), quantity: 1 }]);
    const locked: boolean[] = [];
    hooks.during = async () => {
      locked.push(await cartLocked(cart.id));
    };
    const res = await place(cart.id, 'k-unlocked');
    expect(locked).toEqual([false]);
    const payment = await paymentOf(res.body.id);
    expect([...payments.held()]).toEqual([[payment.provider_ref, res.body.totals.total.amount]]);
    expect(payment.authorized_amount).toBe(res.body.totals.total.amount);
  });

  it('answers a replay from the stored response and refuses another body, without calling the provider', async () => {
    const { payments, calls } = provider();
    const place = checkoutWith(payments);
    const cart = await readyCart(api, [{ variantId: variant(1), quantity: 1 }]);
    const first = await place(cart.id, 'k-replay');
    const again = await place(cart.id, 'k-replay');
    expect(again.headers).toEqual({ 'Idempotent-Replayed': 'true' });
    expect(again.body).toEqual(first.body);
    await expect(place(cart.id, 'k-replay', 'pm_card_mastercard')).rejects.toMatchObject({
      code: 'idempotency_key_reused',
    });
    expect(calls).toHaveLength(1);
    expect(payments.held().size).toBe(1);
  });

  it('voids the authorization and answers cart_changed when the total moved meanwhile; the key can be retried', async () => {
    const { payments, hooks } = provider();
    const place = checkoutWith(payments);
    const cart = await readyCart(api, [{ variantId: variant(2), quantity: 1 }]);
    hooks.during = async (call) => {
      if (call !== 1) return;
      const added = await api.request('POST', `/store/carts/${cart.id}/items`, {
        json: { variant_id: variant(3), quantity: 1 },
      });
      expect(added.status).toBe(200);
    };
    const failed = await place(cart.id, 'k-changed').catch((err: unknown) => err);
    expect(failed).toBeInstanceOf(AppError);
    expect(failed).toMatchObject({ code: 'cart_changed', status: 409 });
    expect(payments.held().size).toBe(0);
    expect(await ordersOf(cart.id)).toEqual([]);

    // Nothing was stored for the key: the same request prices the cart again and goes through.
    const retried = await place(cart.id, 'k-changed');
    expect(retried.headers).toBeUndefined();
    expect(retried.body.totals.total.amount).toBeGreaterThan(cart.totals.total?.amount ?? Infinity);
    expect([...payments.held().values()]).toEqual([retried.body.totals.total.amount]);
  });

  it('voids the authorization when the transaction rolls back (out of stock), and a decline holds nothing', async () => {
    const { payments, hooks } = provider();
    const place = checkoutWith(payments);
    const cart = await readyCart(api, [{ variantId: variant(4), quantity: 2 }]);
    hooks.during = async () => {
      await db()
        .updateTable('variants')
        .set({ inventory_quantity: 1 })
        .where('id', '=', variant(4))
        .execute();
    };
    await expect(place(cart.id, 'k-stock')).rejects.toMatchObject({ code: 'out_of_stock' });
    hooks.during = undefined;
    const declined = await readyCart(api, [{ variantId: variant(5), quantity: 1 }]);
    await expect(place(declined.id, 'k-declined', 'pm_card_declined')).rejects.toMatchObject({
      code: 'payment_declined',
    });
    expect(payments.held().size).toBe(0);
    expect([...(await ordersOf(cart.id)), ...(await ordersOf(declined.id))]).toEqual([]);
  });

  it('leaves one order and one live authorization when a request takes over a key whose claim lapsed', async () => {
    const { payments, calls, hooks } = provider();
    // Claims lapse after 50 ms: the second request takes the key over while the first is authorizing.
    const place = checkoutWith(payments, 50);
    const cart = await readyCart(api, [{ variantId: variant(6), quantity: 1 }]);
    let secondStarted: () => void = () => {};
    const second = new Promise<void>((resolve) => {
      secondStarted = resolve;
    });
    hooks.during = async (call) => {
      if (call === 1) await Promise.race([second, new Promise((r) => setTimeout(r, 5_000))]);
      else secondStarted();
    };
    const first = place(cart.id, 'k-race');
    await new Promise((r) => setTimeout(r, 10));
    const results = await Promise.all([first, place(cart.id, 'k-race')]);
    expect(calls).toHaveLength(2);
    const orders = await ordersOf(cart.id);
    expect(orders).toHaveLength(1);
    expect(results.map((r) => r.body.id)).toEqual([orders[0], orders[0]]);
    const payment = await paymentOf(orders[0] ?? '');
    expect([...payments.held().keys()]).toEqual([payment.provider_ref]);
  });
});
