import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  announceSkip,
  emulatorHost,
  identityEnv,
  signInWithIdp,
  skipReason,
  unique,
} from '../../../test/support/firebase-emulator.js';
import { createProduct, SELLER_1 } from '../../../test/support/seller-catalog.js';
import { buyableVariants, checkout, readyCart } from '../../../test/support/shopping.js';
import { checkEvent } from '../../../test/support/spec-validator.js';
import { signedInPerson } from '../../../test/support/staff.js';
import { startTestApi, type TestApi } from '../../../test/support/test-api.js';
import type { components } from '../../generated/openapi.js';
import { eventsOf, toEnvelope } from '../events/index.js';

type S = components['schemas'];

announceSkip();

const anyKey = { type: 'api_key', id: expect.stringMatching(/^key_/) };

describe.skipIf(!emulatorHost)(
  emulatorHost ? 'attribution of every write' : `attribution (skipped: ${skipReason})`,
  () => {
    let api: TestApi;
    const db = () => api.db.container.database.db;
    beforeAll(async () => {
      api = await startTestApi({ env: identityEnv() });
    });
    afterAll(() => api?.close());

    /** Events of an aggregate as published, each checked against its schema (the actor is required). */
    async function published(aggregateId: string) {
      const rows = await eventsOf(db(), aggregateId);
      for (const row of rows) expect(checkEvent(toEnvelope(row))).toEqual([]);
      return rows;
    }
    const actorOfEvent = async (aggregateId: string, type: string) =>
      (await published(aggregateId)).find((e) => e.type === type)?.actor;
    /** The actor of a seller order's event (those events belong to the order's aggregate). */
    const actorOfPart = async (part: { id: string; order_id: string }, type: string) =>
      (await published(part.order_id)).find(
        (e) => e.type === type && (e.data as { seller_order_id?: string }).seller_order_id === part.id,
      )?.actor;

    /** A person invited with a role (seller 1's staff, or the operator's), signed in, calling with the token. */
    async function staff(kind: 'seller' | 'admin', role: string) {
      const email = `actor-${unique()}@example.com`;
      const invite = await api.request<{ id: string }>('POST', `/${kind}/staff`, {
        ...(kind === 'seller' ? { key: SELLER_1 } : {}),
        json: { email, role },
      });
      expect(invite.status).toBe(201);
      const { call } = await signedInPerson(api, email);
      return { id: invite.body.id, call };
    }

    async function atlasOrder() {
      const variant = buyableVariants('atlas-outfitters', 2)[0];
      const cart = await readyCart(api, [{ variantId: variant?.id ?? '', quantity: 1 }]);
      const placed = await checkout(api, cart.id);
      expect(placed.status).toBe(201);
      const part = placed.body.seller_orders[0];
      return { order: placed.body, part: part as S['SellerOrder'] };
    }

    it('a key: the product it creates and its events name the key', async () => {
      const product = await createProduct(api);
      expect(await actorOfEvent(product.id, 'product.created')).toEqual(anyKey);
      const row = await db()
        .selectFrom('products')
        .select(['created_by', 'updated_by'])
        .where('id', '=', product.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ created_by: anyKey, updated_by: anyKey });
    });

    it('seller staff: the change, the shipment and the cancellation each name the person and role', async () => {
      const catalog = await staff('seller', 'catalog');
      const product = await createProduct(api);
      const patched = await catalog.call('PATCH', `/seller/products/${product.id}`, {
        title: 'Renamed boot',
      });
      expect(patched.status).toBe(200);
      const byCatalog = { type: 'seller_staff', id: catalog.id, role: 'catalog' };
      expect(await actorOfEvent(product.id, 'product.updated')).toEqual(byCatalog);
      const row = await db()
        .selectFrom('products')
        .select(['created_by', 'updated_by'])
        .where('id', '=', product.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ created_by: anyKey, updated_by: byCatalog });
      // The seller's view of the product says the same.
      expect(patched.body).toMatchObject({ created_by: anyKey, updated_by: byCatalog });
      const read = await api.request<S['SellerProduct']>('GET', `/seller/products/${product.id}`, {
        key: SELLER_1,
      });
      expect(read.body).toMatchObject({ created_by: anyKey, updated_by: byCatalog });

      const orders = await staff('seller', 'orders');
      const byOrders = { type: 'seller_staff', id: orders.id, role: 'orders' };
      const shipped = await atlasOrder();
      const fulfil = await orders.call('POST', `/seller/orders/${shipped.part.id}/fulfillments`, {
        carrier: 'DHL',
        tracking_number: `T-${unique()}`,
      });
      expect(fulfil.status).toBe(201);
      const fulfilment = await db()
        .selectFrom('fulfillments')
        .select('created_by')
        .where('seller_order_id', '=', shipped.part.id)
        .executeTakeFirstOrThrow();
      expect(fulfilment.created_by).toEqual(byOrders);
      expect((fulfil.body as S['SellerOrder']).fulfillments[0]?.created_by).toEqual(byOrders);
      expect(await actorOfPart(shipped.part, 'seller_order.fulfilled')).toEqual(byOrders);

      const cancelled = await atlasOrder();
      const cancel = await orders.call('POST', `/seller/orders/${cancelled.part.id}/cancel`);
      expect(cancel.status).toBe(200);
      expect((cancel.body as S['SellerOrder']).cancelled_by).toEqual(byOrders);
      const part = await db()
        .selectFrom('seller_orders')
        .select('cancelled_by')
        .where('id', '=', cancelled.part.id)
        .executeTakeFirstOrThrow();
      expect(part.cancelled_by).toEqual(byOrders);
      // The seller's and the operator's views name who cancelled and who shipped; the shopper's do not.
      const sellerView = await api.request<S['SellerOrder']>('GET', `/seller/orders/${cancelled.part.id}`, {
        key: SELLER_1,
      });
      expect(sellerView.body.cancelled_by).toEqual(byOrders);
      const adminView = await api.request<S['OrderList']>('GET', '/admin/orders?limit=10');
      const adminPart = adminView.body.data
        .flatMap((o) => o.seller_orders)
        .find((so) => so.id === cancelled.part.id);
      expect(adminPart?.cancelled_by).toEqual(byOrders);
      for (const { order, part: p } of [cancelled, shipped]) {
        const shopperView = await api.get<S['Order']>(`/store/orders/${order.id}`, {
          headers: { 'x-order-token': order.access_token ?? '' },
        });
        const mine = shopperView.body.seller_orders.find((so) => so.id === p.id);
        expect(mine?.status).toMatch(/cancelled|fulfilled/);
        expect(mine).not.toHaveProperty('cancelled_by');
        expect(mine?.fulfillments.some((f) => 'created_by' in f)).toBe(false);
      }
      expect(await actorOfPart(cancelled.part, 'seller_order.cancelled')).toEqual(byOrders);
      // The storefront placed it: its key is the actor of order.placed.
      expect(await actorOfEvent(cancelled.order.id, 'order.placed')).toEqual(anyKey);
    });

    it('operator staff: a suspension names the person and role', async () => {
      const seller = await api.request<S['AdminSeller']>('POST', '/admin/sellers', {
        json: { handle: `attributed-${unique()}`, name: 'Attributed Goods' },
      });
      expect(seller.status).toBe(201);
      const moderator = await staff('admin', 'sellers');
      expect((await moderator.call('POST', `/admin/sellers/${seller.body.id}/suspend`)).status).toBe(200);
      expect(await actorOfEvent(seller.body.id, 'seller.suspended')).toEqual({
        type: 'operator_staff',
        id: moderator.id,
        role: 'sellers',
      });
    });

    it("a signed-in customer: their profile change names them and the storefront's key", async () => {
      const user = await signInWithIdp('google.com', {
        sub: `g-${unique()}`,
        email: `c-${unique()}@example.com`,
      });
      const headers = { authorization: `Bearer ${user.idToken}` };
      const me = await api.request<S['Customer']>('PATCH', '/store/customers/me', {
        headers,
        json: { name: 'Erika' },
      });
      expect(me.status).toBe(200);
      expect(await actorOfEvent(me.body.id, 'customer.updated')).toEqual({
        type: 'customer',
        id: me.body.id,
        key_id: expect.stringMatching(/^key_/),
      });
    });
  },
);
