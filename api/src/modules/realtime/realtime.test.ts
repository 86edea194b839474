import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventEnv, waitFor } from '../../../test/support/events.js';
import { connectSocket, type TestSocket } from '../../../test/support/realtime.js';
import { createPublished, SELLER_1, SELLER_2 } from '../../../test/support/seller-catalog.js';
import { buyableVariants, checkout, readyCart } from '../../../test/support/shopping.js';
import { checkRealtimeMessage } from '../../../test/support/spec-validator.js';
import { startTestApi, type TestApi } from '../../../test/support/test-api.js';

let api: TestApi;
const sockets: TestSocket[] = [];
async function open(...args: Parameters<typeof connectSocket> extends [string, ...infer R] ? R : never) {
  const s = await connectSocket(api.url, ...args);
  sockets.push(s);
  return s;
}
const setStock = (variantId: string, quantity: number) =>
  api.request('POST', '/seller/inventory', { json: { items: [{ variant_id: variantId, quantity }] } });

/** A buyable demo variant of the seller behind a key. */
async function variantOf(key: string) {
  const principal = await api.db.container.apiKeys.authenticate(key);
  if (principal?.kind !== 'seller') throw new Error('not a seller key');
  const { handle } = await api.db.container.database.db
    .selectFrom('sellers')
    .select('handle')
    .where('id', '=', principal.sellerId)
    .executeTakeFirstOrThrow();
  const variant = buyableVariants(handle, 3)[0];
  if (!variant) throw new Error(`no buyable variant of ${handle}`);
  return variant;
}

beforeAll(async () => {
  api = await startTestApi({
    env: eventEnv({ PLUGINS: 'none', REALTIME_ENABLED: 'true', REALTIME_MAX_ROOMS: '3' }),
  });
}, 120_000);
afterAll(async () => {
  for (const s of sockets) s.close();
  await api?.close();
});

describe('Socket.IO handshake', () => {
  it('refuses a missing or unknown key and a key of the wrong audience with the problem code', async () => {
    await expect(open('/store', {})).rejects.toMatchObject({ data: { code: 'unauthorized', status: 401 } });
    await expect(open('/store', { key: 'pk_nope_0000000000' })).rejects.toMatchObject({
      data: { code: 'unauthorized' },
    });
    await expect(open('/store', { key: SELLER_1 })).rejects.toMatchObject({ data: { code: 'forbidden' } });
    await expect(open('/seller', {})).rejects.toMatchObject({ data: { code: 'unauthorized' } });
  });
});

describe('/store product rooms', () => {
  it('delivers a stock change made through the seller API to a subscribed storefront, typed by its schema', async () => {
    const product = await createPublished(api);
    const variant = product.variants[0];
    if (!variant) throw new Error('product without variants');
    const shopper = await open('/store');
    const bystander = await open('/store');
    expect(await shopper.subscribe(`product:${product.id}`)).toMatchObject({ ok: true, replayed: 0 });
    expect((await setStock(variant.id, 17)).status).toBe(200);
    await waitFor('stock message', () => shopper.messages.length > 0);
    const [message] = shopper.messages;
    expect(message?.room).toBe(`product:${product.id}`);
    expect(message?.event).toMatchObject({
      type: 'inventory.updated',
      data: { product_id: product.id, variant_id: variant.id, inventory_quantity: 17 },
    });
    expect(message && checkRealtimeMessage('product', message.event)).toEqual([]);
    expect(bystander.messages).toEqual([]);
  });

  it('never tells a storefront who made a change: no actor on /store messages, and the contract says so', async () => {
    const product = await createPublished(api);
    const variant = product.variants[0];
    if (!variant) throw new Error('product without variants');
    const shopper = await open('/store');
    await shopper.subscribe(`product:${product.id}`);
    expect((await setStock(variant.id, 23)).status).toBe(200);
    await waitFor('stock message', () => shopper.messages.length > 0);
    const event = shopper.messages[0]?.event;
    if (!event) throw new Error('no message');
    // The event itself names the seller's key; the storefront's copy must not.
    const row = await api.db.container.database.db
      .selectFrom('outbox_events')
      .select('actor')
      .where('id', '=', event.id)
      .executeTakeFirstOrThrow();
    expect(row.actor).toMatchObject({ type: 'api_key', id: expect.stringMatching(/^key_/) });
    expect(event).not.toHaveProperty('actor');
    expect(JSON.stringify(shopper.messages)).not.toContain(String(row.actor.id));
    // The channel's schema rejects an envelope that carries one.
    expect(checkRealtimeMessage('product', { ...event, actor: row.actor })).not.toEqual([]);
  });

  it('refuses an unknown or unpublished product, bad requests, and more rooms than the cap', async () => {
    const s = await open('/store');
    expect(await s.subscribe('product:prd_missing')).toMatchObject({ ok: false, code: 'not_found' });
    expect(await s.subscribe('cart:whatever')).toMatchObject({ ok: false, code: 'not_found' });
    expect(await s.socket.timeout(5_000).emitWithAck('subscribe', { room: 42 })).toMatchObject({
      ok: false,
      code: 'validation_failed',
    });
    const products = await Promise.all([1, 2, 3, 4].map(() => createPublished(api)));
    for (const p of products.slice(0, 3))
      expect(await s.subscribe(`product:${p.id}`)).toMatchObject({ ok: true });
    expect(await s.subscribe(`product:${products[3]?.id}`)).toMatchObject({
      ok: false,
      code: 'invalid_state',
    });
  });

  it('catches up from the last seen event id after the connection was cut mid-stream', async () => {
    const product = await createPublished(api);
    const variant = product.variants[0];
    if (!variant) throw new Error('product without variants');
    const room = `product:${product.id}`;
    const first = await open('/store');
    await first.subscribe(room);
    const writes = (async () => {
      for (let q = 1; q <= 12; q++) await setStock(variant.id, q);
    })();
    await waitFor('a few messages', () => first.messages.length >= 3);
    first.socket.io.engine.close(); // the transport drops while the seller keeps writing
    const lastSeen = first.messages.at(-1)?.event.id;
    await writes;
    const second = await open('/store');
    const ack = await second.subscribe(room, { since: lastSeen ?? '' });
    expect(ack).toMatchObject({ ok: true, complete: true });
    const received = () => [...first.messages, ...second.messages].map((m) => m.event);
    await waitFor(
      'all 12 quantities',
      () => new Set(received().map((e) => e.data.inventory_quantity)).size >= 12,
    );
    const unique = [...new Map(received().map((e) => [e.id, e])).values()];
    expect(unique.map((e) => e.data.inventory_quantity)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(second.messages.length).toBeGreaterThan(0);
  });
});

describe('orders', () => {
  it("sends a new order to its seller's feed only, and its status to the shopper holding the order token", async () => {
    const variant = await variantOf(SELLER_1);
    const seller1 = await open('/seller', { key: SELLER_1 });
    const seller2 = await open('/seller', { key: SELLER_2 });
    expect(await seller1.subscribe('feed')).toMatchObject({ ok: true });
    expect(await seller2.subscribe('feed')).toMatchObject({ ok: true });
    const cart = await readyCart(api, [{ variantId: variant.id, quantity: 1 }]);
    const order = await checkout(api, cart.id);
    expect(order.status).toBe(201);
    await waitFor('seller order in feed', () =>
      seller1.messages.find((m) => m.event.type === 'seller_order.placed'),
    );
    const placed = seller1.messages.find((m) => m.event.type === 'seller_order.placed');
    expect(placed).toMatchObject({ room: 'feed', event: { data: { order_id: order.body.id } } });
    expect(placed && checkRealtimeMessage('feed', placed.event)).toEqual([]);
    // The storefront's key that placed it is not the seller's: the feed says only what kind of actor.
    expect(Object.keys(placed?.event.actor ?? {})).toEqual(['type']);

    const shopper = await open('/store');
    const room = `order:${order.body.id}`;
    expect(await shopper.subscribe(room)).toMatchObject({ ok: false, code: 'unauthorized' });
    expect(await shopper.subscribe(room, { token: 'ot_wrong' })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    // Joining with the first event's id as `since` replays the rest of the order's history.
    const since = await api.db.container.database.db
      .selectFrom('outbox_events')
      .select('id')
      .where('aggregate_id', '=', order.body.id)
      .orderBy('published_seq')
      .executeTakeFirstOrThrow();
    const ack = await shopper.subscribe(room, { token: order.body.access_token ?? '', since: since.id });
    expect(ack).toMatchObject({ ok: true, complete: true });
    await waitFor('seller order status', () =>
      shopper.messages.find((m) => m.event.type === 'seller_order.placed'),
    );
    const status = shopper.messages.find((m) => m.event.type === 'seller_order.placed');
    expect(status?.event.data).not.toHaveProperty('commission');
    expect(status?.event.data).toMatchObject({ order_id: order.body.id, seller_id: placed?.event.seller_id });
    // The seller ships: the shopper sees the tracking live, without who did it; the seller's own
    // feed keeps its own key as the actor.
    const sellerOrderId = String(placed?.event.data.seller_order_id);
    const ship = await api.request('POST', `/seller/orders/${sellerOrderId}/fulfillments`, {
      key: SELLER_1,
      json: { carrier: 'DHL', tracking_number: 'RT-1' },
    });
    expect(ship.status).toBe(201);
    await waitFor('fulfillment in the order room', () =>
      shopper.messages.find((m) => m.event.type === 'fulfillment.created'),
    );
    await waitFor('fulfillment in the feed', () =>
      seller1.messages.find((m) => m.event.type === 'fulfillment.created'),
    );
    for (const m of shopper.messages) {
      expect(m.event).not.toHaveProperty('actor');
      expect(checkRealtimeMessage('order', m.event)).toEqual([]);
    }
    const shipped = seller1.messages.find((m) => m.event.type === 'fulfillment.created');
    const principal = await api.db.container.apiKeys.authenticate(SELLER_1);
    expect(shipped?.event.actor).toEqual({
      type: 'api_key',
      id: principal?.kind === 'seller' && principal.keyId,
    });
    expect(shipped && checkRealtimeMessage('feed', shipped.event)).toEqual([]);

    // A seller never sees another seller's messages (give the feed time to misbehave).
    await new Promise((r) => setTimeout(r, 300));
    expect(seller2.messages.filter((m) => m.event.data.order_id === order.body.id)).toEqual([]);
    for (const m of seller2.messages) expect(m.event.seller_id).not.toBe(placed?.event.seller_id);
  });
});

describe('limits', () => {
  it('disconnects a client whose message exceeds the payload limit', async () => {
    const s = await open('/store');
    const closed = new Promise<string>((resolve) => s.socket.once('disconnect', (reason) => resolve(reason)));
    s.socket.emit('subscribe', { room: 'x'.repeat(20_000) });
    expect(await closed).toMatch(/transport/);
  });
});
