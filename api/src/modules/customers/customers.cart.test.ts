import { expect, it } from 'vitest';
import { announceSkip, signInWithIdp, unique } from '../../../test/support/firebase-emulator.js';
import { describeWithIdentity } from '../../../test/support/identity-suite.js';
import { ADDRESS_DE, buyableVariants, checkout, readyCart } from '../../../test/support/shopping.js';
import type { Problem } from '../../errors.js';
import type { components } from '../../generated/openapi.js';

type S = components['schemas'];

announceSkip();

describeWithIdentity('the cart on sign-in: attach, merge, replace', (api) => {
  async function shopper() {
    const user = await signInWithIdp('google.com', {
      sub: `g-${unique()}`,
      email: `cart-${unique()}@example.com`,
      email_verified: true,
    });
    const headers = { authorization: `Bearer ${user.idToken}` };
    return {
      attach: (json: object) =>
        api.request<S['CustomerCart'] & Problem>('POST', '/store/customers/me/cart', { headers, json }),
      cart: () => api.request<S['Cart']>('GET', '/store/customers/me/cart', { headers }),
    };
  }
  const guestCart = async (currency: string, lines: { variantId: string; quantity: number }[]) => {
    const cart = await api.request<S['Cart']>('POST', '/store/carts', { json: { currency } });
    for (const l of lines) {
      const res = await api.request('POST', `/store/carts/${cart.body.id}/items`, {
        json: { variant_id: l.variantId, quantity: l.quantity },
      });
      expect(res.status).toBe(200);
    }
    return cart.body.id;
  };
  const quantities = (cart: S['Cart']) =>
    Object.fromEntries(cart.items.map((i) => [i.variant_id, i.quantity]));
  const [v1, v2, v3] = buyableVariants('atlas-outfitters', 10).map((v) => v.id) as [string, string, string];

  it('no cart and no guest cart: created in the currency, or 400 without one; then unchanged', async () => {
    const s = await shopper();
    expect((await s.cart()).status).toBe(404);
    const bad = await s.attach({});
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
    const created = await s.attach({ currency: 'USD' });
    expect(created.body).toMatchObject({ outcome: 'created', guest_cart_id: null, released_cart_id: null });
    const again = await s.attach({});
    expect(again.body.outcome).toBe('unchanged');
    expect(again.body.cart.id).toBe(created.body.cart.id);
    expect((await s.cart()).body.id).toBe(created.body.cart.id);
  });

  it('no customer cart: the guest cart is attached as it is; attaching it again changes nothing', async () => {
    const s = await shopper();
    const guest = await guestCart('USD', [{ variantId: v1, quantity: 2 }]);
    const res = await s.attach({ guest_cart_id: guest });
    expect(res.body).toMatchObject({ outcome: 'attached', guest_cart_id: guest, adjustments: [] });
    expect(res.body.cart.id).toBe(guest);
    expect((await s.attach({ guest_cart_id: guest })).body.outcome).toBe('unchanged');
  });

  it('same currency: lines merge (the larger quantity of a shared variant), contact fills gaps, guest cart goes', async () => {
    const s = await shopper();
    const own = (await s.attach({ guest_cart_id: await guestCart('USD', [{ variantId: v1, quantity: 1 }]) }))
      .body.cart.id;
    const guest = await guestCart('USD', [
      { variantId: v1, quantity: 3 },
      { variantId: v2, quantity: 1 },
    ]);
    await api.request('PATCH', `/store/carts/${guest}`, {
      json: { email: 'guest@example.com', shipping_address: ADDRESS_DE },
    });
    const res = await s.attach({ guest_cart_id: guest });
    expect(res.status).toBe(200);
    expect(res.body.outcome).toBe('merged');
    expect(res.body.cart.id).toBe(own);
    expect(quantities(res.body.cart)).toEqual({ [v1]: 3, [v2]: 1 });
    expect(res.body.adjustments).toEqual([
      { variant_id: v1, requested: 3, kept: 3, reason: 'kept_larger_quantity' },
    ]);
    expect(res.body.cart.email).toBe('guest@example.com');
    expect(res.body.cart.shipping_address?.country).toBe('DE');
    expect((await api.get(`/store/carts/${guest}`)).status).toBe(404);
  });

  it('a merge caps at stock and drops lines no longer for sale, reporting each', async () => {
    const s = await shopper();
    await s.attach({ guest_cart_id: await guestCart('USD', [{ variantId: v3, quantity: 1 }]) });
    const guest = await guestCart('USD', [
      { variantId: v1, quantity: 5 },
      { variantId: v2, quantity: 1 },
    ]);
    const db = api.db.container.database.db;
    await db.updateTable('variants').set({ inventory_quantity: 2 }).where('id', '=', v1).execute();
    const product = await db
      .selectFrom('variants')
      .select('product_id')
      .where('id', '=', v2)
      .executeTakeFirstOrThrow();
    await db.updateTable('products').set({ status: 'draft' }).where('id', '=', product.product_id).execute();
    try {
      const res = await s.attach({ guest_cart_id: guest });
      expect(res.body.outcome).toBe('merged');
      expect(quantities(res.body.cart)).toEqual({ [v3]: 1, [v1]: 2 });
      expect(res.body.adjustments).toEqual([
        { variant_id: v1, requested: 5, kept: 2, reason: 'limited_by_stock' },
        { variant_id: v2, requested: 1, kept: 0, reason: 'unavailable' },
      ]);
    } finally {
      await db
        .updateTable('products')
        .set({ status: 'published' })
        .where('id', '=', product.product_id)
        .execute();
      await db.updateTable('variants').set({ inventory_quantity: 100 }).where('id', '=', v1).execute();
    }
  });

  it('different currencies: the guest cart replaces the customer cart, which is released, not deleted', async () => {
    const s = await shopper();
    const old = (await s.attach({ guest_cart_id: await guestCart('USD', [{ variantId: v1, quantity: 1 }]) }))
      .body.cart.id;
    const guest = await guestCart('EUR', []);
    const res = await s.attach({ guest_cart_id: guest });
    expect(res.body).toMatchObject({ outcome: 'replaced', released_cart_id: old, guest_cart_id: guest });
    expect(res.body.cart.id).toBe(guest);
    expect((await s.cart()).body.id).toBe(guest);
    const released = await api.get<S['Cart']>(`/store/carts/${old}`);
    expect(released.status).toBe(200);
    expect(quantities(released.body)).toEqual({ [v1]: 1 });
  });

  it("another customer's cart is 404 and stays theirs; a checked-out cart is 409 cart_completed", async () => {
    const [a, b] = [await shopper(), await shopper()];
    const cartOfA = (await a.attach({ currency: 'USD' })).body.cart.id;
    const res = await b.attach({ guest_cart_id: cartOfA });
    expect(res.status).toBe(404);
    expect((await a.cart()).body.id).toBe(cartOfA);

    const done = await readyCart(api, [{ variantId: v2, quantity: 1 }]);
    expect((await checkout(api, done.id)).status).toBe(201);
    const completed = await b.attach({ guest_cart_id: done.id });
    expect(completed.status).toBe(409);
    expect(completed.body.code).toBe('cart_completed');
  });
});
