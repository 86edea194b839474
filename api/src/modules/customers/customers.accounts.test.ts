import { describe, expect, it } from 'vitest';
import {
  announceSkip,
  signInWithIdp,
  signUpWithPassword,
  unique,
} from '../../../test/support/firebase-emulator.js';
import { describeWithIdentity } from '../../../test/support/identity-suite.js';
import { ADDRESS_DE, buyableVariants, checkout, readyCart } from '../../../test/support/shopping.js';
import type { Problem } from '../../errors.js';
import type { components } from '../../generated/openapi.js';
import { eventsOf } from '../events/index.js';

type S = components['schemas'];

announceSkip();

describeWithIdentity('customer accounts', (api) => {
  /** A new shopper signed in with Google (verified email), and a request helper carrying the token. */
  async function shopper(email = `shopper-${unique()}@example.com`) {
    const user = await signInWithIdp('google.com', { sub: `g-${unique()}`, email, email_verified: true });
    const auth = { authorization: `Bearer ${user.idToken}` };
    const call = <T>(method: string, path: string, json?: unknown) =>
      api.request<T>(method, path, { headers: auth, ...(json === undefined ? {} : { json }) });
    const account = await call<S['Customer']>('GET', '/store/customers/me');
    return { email, user, call, id: account.body.id };
  }

  describe('profile', () => {
    it('changes the name and records customer.updated', async () => {
      const s = await shopper();
      const res = await s.call<S['Customer']>('PATCH', '/store/customers/me', { name: 'Erika M.' });
      expect(res.status).toBe(200);
      expect(res.body.name).toBe('Erika M.');
      const events = await eventsOf(api.db.container.database.db, s.id);
      expect(events.map((e) => e.type)).toEqual(['customer.created', 'customer.updated']);
      expect(events[1]?.data).toMatchObject({ customer_id: s.id, name: 'Erika M.' });
    });
  });

  describe('saved addresses', () => {
    it('keeps one default, moves it, promotes the newest when the default goes', async () => {
      const s = await shopper();
      const add = (label: string, extra: object = {}) =>
        s.call<S['CustomerAddress']>('POST', '/store/customers/me/addresses', {
          label,
          address: ADDRESS_DE,
          ...extra,
        });
      const home = await add('Home');
      expect(home.status).toBe(201);
      expect(home.body.is_default).toBe(true); // the first one
      const office = await add('Office');
      expect(office.body.is_default).toBe(false);
      const parents = await add('Parents', { is_default: true });
      expect(parents.body.is_default).toBe(true);

      const list = async () =>
        (await s.call<S['CustomerAddressList']>('GET', '/store/customers/me/addresses')).body.data;
      expect((await list()).map((a) => [a.label, a.is_default])).toEqual([
        ['Parents', true],
        ['Office', false],
        ['Home', false],
      ]);
      const moved = await s.call<S['CustomerAddress']>(
        'PATCH',
        `/store/customers/me/addresses/${home.body.id}`,
        { is_default: true, label: 'Home sweet home' },
      );
      expect(moved.body).toMatchObject({ is_default: true, label: 'Home sweet home' });
      expect((await list()).filter((a) => a.is_default).map((a) => a.id)).toEqual([home.body.id]);

      expect((await s.call('DELETE', `/store/customers/me/addresses/${home.body.id}`)).status).toBe(204);
      expect((await list()).map((a) => [a.label, a.is_default])).toEqual([
        ['Parents', true],
        ['Office', false],
      ]);
    });

    it("another customer's address is 404 for reading, changing and deleting", async () => {
      const [a, b] = [await shopper(), await shopper()];
      const mine = await a.call<S['CustomerAddress']>('POST', '/store/customers/me/addresses', {
        address: ADDRESS_DE,
      });
      const path = `/store/customers/me/addresses/${mine.body.id}`;
      expect((await b.call<Problem>('PATCH', path, { label: 'Mine now' })).status).toBe(404);
      expect((await b.call<Problem>('DELETE', path)).status).toBe(404);
      const list = await a.call<S['CustomerAddressList']>('GET', '/store/customers/me/addresses');
      expect(list.body.data.map((x) => x.label)).toEqual([null]);
    });
  });

  describe('orders', () => {
    const variant = () => buyableVariants('atlas-outfitters', 5)[0]?.id ?? '';

    /** Checks out the shopper's cart with one unit of the variant. */
    async function placeOrder(s: Awaited<ReturnType<typeof shopper>>) {
      const cart = await s.call<S['CustomerCart']>('POST', '/store/customers/me/cart', { currency: 'USD' });
      const cartId = cart.body.cart.id;
      await api.request('POST', `/store/carts/${cartId}/items`, {
        json: { variant_id: variant(), quantity: 1 },
      });
      await api.request('PATCH', `/store/carts/${cartId}`, {
        json: { email: s.email, shipping_address: ADDRESS_DE },
      });
      const order = await checkout(api, cartId);
      expect(order.status).toBe(201);
      return order.body;
    }

    it('lists the customer’s orders newest first in keyset pages and reads one without the token', async () => {
      const s = await shopper();
      const placed = [await placeOrder(s), await placeOrder(s), await placeOrder(s)];
      const page1 = await s.call<S['OrderList']>('GET', '/store/customers/me/orders?limit=2');
      expect(page1.body.data.map((o) => o.id)).toEqual([placed[2]?.id, placed[1]?.id]);
      expect(page1.body.next_cursor).not.toBeNull();
      const page2 = await s.call<S['OrderList']>(
        'GET',
        `/store/customers/me/orders?limit=2&cursor=${page1.body.next_cursor}`,
      );
      expect(page2.body.data.map((o) => o.id)).toEqual([placed[0]?.id]);
      expect(page2.body.next_cursor).toBeNull();
      expect(page2.body.data[0]?.seller_orders[0]?.status).toBe('open');

      const one = await s.call<S['Order']>('GET', `/store/customers/me/orders/${placed[0]?.id}`);
      expect(one.status).toBe(200);
      expect(one.body.id).toBe(placed[0]?.id);
      // The one-order read and the list say which lines the shopper reviewed (none yet).
      expect(one.body.seller_orders.flatMap((p) => p.lines.map((l) => l.review))).toEqual([null]);
      expect(
        page1.body.data.flatMap((o) => o.seller_orders.flatMap((p) => p.lines.map((l) => l.review))),
      ).toEqual([null, null]);
      // With a watch token for the order's real-time room (realtime.watch.test.ts); never in the list.
      expect(one.body.watch_token).toMatch(/^ow_/);
      expect(page2.body.data.some((o) => 'watch_token' in o)).toBe(false);

      const other = await shopper();
      expect((await other.call('GET', `/store/customers/me/orders/${placed[0]?.id}`)).status).toBe(404);
      expect((await other.call<S['OrderList']>('GET', '/store/customers/me/orders')).body.data).toEqual([]);
    });

    it('claims guest orders by verified email (any case), once, and never another account’s', async () => {
      const email = `Claim-${unique()}@Example.com`;
      const guestCart = await readyCart(api, [{ variantId: variant(), quantity: 1 }]);
      await api.request('PATCH', `/store/carts/${guestCart.id}`, { json: { email } });
      const guestOrder = (await checkout(api, guestCart.id)).body;

      const s = await shopper(email.toLowerCase());
      const claim = () => s.call<S['OrderClaimResult']>('POST', '/store/customers/me/order-claims');
      expect((await claim()).body.claimed_order_ids).toEqual([guestOrder.id]);
      expect((await claim()).body.claimed_order_ids).toEqual([]);
      const mine = await s.call<S['OrderList']>('GET', '/store/customers/me/orders');
      expect(mine.body.data.map((o) => o.id)).toEqual([guestOrder.id]);

      // A second account with the same verified email (another Firebase user) finds nothing to take.
      const twin = await api.db.container.customers.signIn({
        uid: `twin-${unique()}`,
        provider: 'apple.com',
        email: email.toLowerCase(),
        emailVerified: true,
        phone: null,
        name: null,
      });
      expect(await api.db.container.customers.claimGuestOrders(twin.id)).toEqual([]);
      expect((await s.call<S['Order']>('GET', `/store/customers/me/orders/${guestOrder.id}`)).status).toBe(
        200,
      );
    });

    it('an unverified email claims nothing: 403 email_not_verified', async () => {
      const email = `unverified-${unique()}@example.com`;
      const guestCart = await readyCart(api, [{ variantId: variant(), quantity: 1 }]);
      await api.request('PATCH', `/store/carts/${guestCart.id}`, { json: { email } });
      const guestOrder = (await checkout(api, guestCart.id)).body;
      const user = await signUpWithPassword(email, 'correct horse battery');
      const res = await api.request<Problem>('POST', '/store/customers/me/order-claims', {
        headers: { authorization: `Bearer ${user.idToken}` },
      });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('email_not_verified');
      const row = await api.db.container.database.db
        .selectFrom('orders')
        .select('customer_id')
        .where('id', '=', guestOrder.id)
        .executeTakeFirstOrThrow();
      expect(row.customer_id).toBeNull();
    });
  });
});
