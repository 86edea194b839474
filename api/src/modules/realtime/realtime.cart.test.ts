import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventEnv, waitFor } from '../../../test/support/events.js';
import { connectSocket, type TestSocket } from '../../../test/support/realtime.js';
import { createPublished, SELLER_1 } from '../../../test/support/seller-catalog.js';
import { checkout, readyCart } from '../../../test/support/shopping.js';
import { checkRealtimeMessage } from '../../../test/support/spec-validator.js';
import { startTestApi, type TestApi } from '../../../test/support/test-api.js';
import type { components } from '../../generated/openapi.js';
import { CART_CHANGED, CART_LINES_CHANGED, type CartMessage } from './index.js';

type Cart = components['schemas']['Cart'];

let api: TestApi;
const sockets: TestSocket[] = [];
async function open() {
  const s = await connectSocket(api.url, '/store');
  sockets.push(s);
  return s;
}
/** The carts a socket received, newest last. */
const cartsOf = (s: TestSocket) => (s.messages as unknown as CartMessage[]).map((m) => m.event.data);
const latest = (s: TestSocket): Cart | undefined => cartsOf(s).at(-1);

beforeAll(async () => {
  api = await startTestApi({ env: eventEnv({ PLUGINS: 'none', REALTIME_ENABLED: 'true' }) });
}, 120_000);
afterAll(async () => {
  for (const s of sockets) s.close();
  await api?.close();
});

describe('/store cart rooms', () => {
  it('sends every tab the cart after a write from another client, a price and a stock change; never leaks the id', async () => {
    const signals: string[] = [];
    const { store } = api.db.container;
    await store.subscribe(CART_CHANGED, (m) => signals.push(m));
    await store.subscribe(CART_LINES_CHANGED, (m) => signals.push(m));
    const product = await createPublished(api);
    const variant = product.variants[0];
    if (!variant) throw new Error('product without variants');
    const created = await api.request<Cart>('POST', '/store/carts', { json: { currency: 'USD' } });
    const cartId = created.body.id;
    const room = `cart:${cartId}`;

    const [tabA, tabB, stranger] = [await open(), await open(), await open()];
    // Joining sends the cart as it is now.
    expect(await tabA.subscribe(room)).toEqual({ ok: true, room, replayed: 1, complete: true });
    expect(await tabB.subscribe(room)).toMatchObject({ ok: true, replayed: 1 });
    expect(latest(tabA)).toMatchObject({ id: cartId, items: [] });
    expect(tabA.messages[0]?.room).toBe(room);
    // A wrong id (well-formed or not) is refused like an unknown cart over HTTP, and joins nothing.
    expect(await stranger.subscribe(`cart:cart_${'x'.repeat(22)}`)).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(await stranger.subscribe(`cart:${cartId.slice(0, -1)}`)).toMatchObject({ ok: false });

    // A third client (plain HTTP, another device) adds two units.
    const add = await api.request('POST', `/store/carts/${cartId}/items`, {
      json: { variant_id: variant.id, quantity: 2 },
    });
    expect(add.status).toBe(200);
    for (const tab of [tabA, tabB]) await waitFor('the added line', () => latest(tab)?.items.length === 1);
    expect(latest(tabA)?.totals.subtotal).toEqual({ amount: 25_800, currency: 'USD' });
    expect(latest(tabB)).toEqual(latest(tabA));
    for (const m of tabA.messages) expect(checkRealtimeMessage('cart', m.event)).toEqual([]);

    // The seller lowers the price: no cart write, yet both tabs get the new totals.
    const reprice = await api.request('PATCH', `/seller/products/${product.id}/variants/${variant.id}`, {
      key: SELLER_1,
      json: { prices: [{ amount: 10_000, currency: 'USD' }] },
    });
    expect(reprice.status).toBe(200);
    for (const tab of [tabA, tabB])
      await waitFor('the new price', () => latest(tab)?.totals.subtotal.amount === 20_000);

    // Stock falls below the line's quantity: the cart shows the problem.
    const stock = await api.request('POST', '/seller/inventory', {
      key: SELLER_1,
      json: { items: [{ variant_id: variant.id, quantity: 1 }] },
    });
    expect(stock.status).toBe(200);
    await waitFor('the new stock', () => latest(tabA)?.items[0]?.available_quantity === 1);
    const line = latest(tabA)?.items[0];
    expect(latest(tabA)?.problems.filter((p) => p.item_id === line?.id)).toHaveLength(1);
    expect(stranger.messages).toEqual([]);

    // The id is the cart's only credential: it is in no event (outbox → Kafka → webhooks) and in no
    // shared-store signal; those name the room by its hash.
    const rows = await api.db.container.database.db.selectFrom('outbox_events').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(cartId);
    expect(signals).toContain(`cart:${createHash('sha256').update(cartId).digest('hex')}`);
    expect(signals.join('\n')).not.toContain(cartId);
  });

  it('shows a cart checked out in another tab as completed', async () => {
    const product = await createPublished(api);
    const variant = product.variants[0];
    if (!variant) throw new Error('product without variants');
    const cart = await readyCart(api, [{ variantId: variant.id, quantity: 1 }]);
    const tab = await open();
    expect(await tab.subscribe(`cart:${cart.id}`)).toMatchObject({ ok: true });
    expect((await checkout(api, cart.id)).status).toBe(201);
    await waitFor('completed cart', () => latest(tab)?.status === 'completed');
    // Leaving the room stops the messages.
    await tab.socket.timeout(5_000).emitWithAck('unsubscribe', { room: `cart:${cart.id}` });
    const before = tab.messages.length;
    await api.request('PATCH', `/seller/products/${product.id}/variants/${variant.id}`, {
      key: SELLER_1,
      json: { prices: [{ amount: 9_900, currency: 'USD' }] },
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(tab.messages.length).toBe(before);
  });
});
