import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRealtimeClient, type RealtimeClient, type RealtimeEventOf } from '../src/index.js';
import { clientFor, keys, startTestApi, type TestApi } from './support.js';

let api: TestApi;
const clients: RealtimeClient<'store' | 'seller'>[] = [];

beforeAll(async () => {
  api = await startTestApi({ env: { RELAY_ENABLED: 'true', RELAY_POLL_MS: '20', REALTIME_ENABLED: 'true' } });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await api?.close();
});

/** A published product of seller 1 and one of its variants. */
async function sellerProduct() {
  const seller = clientFor(api, keys.seller1);
  const page = await seller.seller.products.list({ limit: 50 });
  const product = page.data.find((p) => p.status === 'published' && p.variants.length > 0);
  const variant = product?.variants[0];
  if (!product || !variant) throw new Error('seller 1 has no published product');
  return { seller, product, variant };
}

/** A `/store` client that reconnects quickly (the tests cut its transport). */
function reconnectingStoreClient() {
  const live = createRealtimeClient({
    baseUrl: api.url,
    namespace: 'store',
    apiKey: keys.store,
    socket: { transports: ['websocket'], reconnectionDelay: 50, reconnectionDelayMax: 200 },
  });
  clients.push(live);
  return live;
}

describe('realtime client', () => {
  it('reconnects after the transport drops mid-stream, resubscribes and loses no event', async () => {
    const { seller, product, variant } = await sellerProduct();
    const live = reconnectingStoreClient();
    const quantities: number[] = [];
    await live.subscribe(`product:${product.id}`, (event) => {
      // Narrowing by `type` gives the payload of that event's schema.
      if (event.type === 'inventory.updated') quantities.push(event.data.inventory_quantity);
    });
    let reconnected = false;
    live.socket.io.once('reconnect', () => {
      reconnected = true;
    });
    for (let q = 1; q <= 20; q++) {
      await seller.seller.inventory.update({ items: [{ variant_id: variant.id, quantity: 100 + q }] });
      if (q === 6) live.socket.io.engine.close(); // the connection drops; the seller keeps writing
    }
    const expected = Array.from({ length: 20 }, (_, i) => 101 + i);
    for (let i = 0; i < 400 && quantities.length < 20; i++) await new Promise((r) => setTimeout(r, 50));
    expect(reconnected).toBe(true);
    expect(quantities).toEqual(expected);
    expect(live.lastEventId(`product:${product.id}`)).toMatch(/^evt_/);
  });

  it('keeps a cart live across tabs and a dropped connection (subscribeCart)', async () => {
    const { variant } = await sellerProduct();
    const store = clientFor(api, keys.store);
    const cart = await store.store.carts.create({ currency: 'USD' });
    const live = reconnectingStoreClient();
    const seen: { items: number; total: number }[] = [];
    await live.subscribeCart(cart.id, (c) =>
      seen.push({ items: c.items.length, total: c.totals.subtotal.amount }),
    );
    const until = async (what: () => boolean) => {
      for (let i = 0; i < 200 && !what(); i++) await new Promise((r) => setTimeout(r, 50));
      expect(what()).toBe(true);
    };
    await until(() => seen.length === 1); // the cart as it was on joining
    // Another tab (another client) adds the product.
    await store.store.carts.addItem(cart.id, { variant_id: variant.id, quantity: 1 });
    await until(() => seen.at(-1)?.items === 1);
    // Read before the next write: its push may reach this tab before the write's own answer does.
    const unit = seen.at(-1)?.total ?? 0;
    expect(unit).toBeGreaterThan(0);
    // The connection drops; the client rejoins and gets the current cart, then later changes.
    const reconnected = new Promise<void>((resolve) => live.socket.io.once('reconnect', () => resolve()));
    live.socket.io.engine.close();
    await reconnected;
    await store.store.carts.addItem(cart.id, { variant_id: variant.id, quantity: 1 });
    await until(() => seen.at(-1)?.total === unit * 2);
  });

  it('rejects a room the key may not watch with the problem, and a bad key through onError', async () => {
    const live = createRealtimeClient({
      baseUrl: api.url,
      namespace: 'store',
      apiKey: keys.store,
      socket: { transports: ['websocket'] },
    });
    clients.push(live);
    await expect(live.subscribe('order:ord_unknown', () => {}, { token: 'ot_x' })).rejects.toMatchObject({
      problem: { code: 'not_found', status: 404 },
    });
    const problems: string[] = [];
    const bad = createRealtimeClient({
      baseUrl: api.url,
      namespace: 'seller',
      apiKey: 'sk_nope_123456789',
      onError: (p) => problems.push(p.code),
      socket: { transports: ['websocket'], reconnection: false },
    });
    clients.push(bad);
    for (let i = 0; i < 100 && problems.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(problems).toEqual(['unauthorized']);
  });
});

// Type tests: rooms are checked per namespace, payloads come from the event schemas.
export function typeChecks(store: RealtimeClient<'store'>, seller: RealtimeClient<'seller'>) {
  // @ts-expect-error the seller feed is not a room of /store
  void store.subscribe('feed', () => {});
  // @ts-expect-error product rooms are not on /seller
  void seller.subscribe('product:prd_1', () => {});
  void seller.subscribe('feed', (event) => {
    if (event.type === 'seller_order.placed') {
      const commission: number = event.data.commission;
      void commission;
    }
  });
  void store.subscribe('cart:cart_1', (event) => {
    const total: number | undefined = event.data.totals.total?.amount;
    void total;
  });
  const order = (event: RealtimeEventOf<'order:ord_1'>) => {
    if (event.type !== 'seller_order.placed') return;
    void event.data.total;
    // @ts-expect-error shoppers never receive a seller's commission
    void event.data.commission;
  };
  void order;
}
