import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../lib/logger.js';
import { createMemoryStore } from '../../shared-store/index.js';
import type { Cart } from '../carts/carts.views.js';
import type { BusEvent } from '../events/bus.js';
import { CART_CHANGED, type CartMessage, createCartRooms, lineChangesOf } from './realtime.carts.js';
import { roomName } from './realtime.rooms.js';

let position = 0;
const event = (type: string, data: Record<string, unknown>): BusEvent => ({
  id: `evt_${++position}`,
  type,
  version: 1,
  occurred_at: new Date().toISOString(),
  seller_id: 'sel_1',
  actor: { type: 'system' },
  aggregate_type: 'test',
  aggregate_id: 'agg_1',
  data,
  position,
});

describe('lineChangesOf (one cart-lines signal per run of events)', () => {
  it('merges the lines every event of the run changed, each id once', () => {
    const change = lineChangesOf([
      event('inventory.updated', { variant_id: 'var_1', product_id: 'prd_1' }),
      event('order.placed', { order_id: 'ord_1' }),
      event('inventory.updated', { variant_id: 'var_2', product_id: 'prd_1' }),
      event('inventory.updated', { variant_id: 'var_1', product_id: 'prd_1' }),
      event('product.unpublished', { product_id: 'prd_9' }),
      event('seller.suspended', { seller_id: 'sel_3' }),
    ]);
    expect(change).toEqual({ variants: ['var_1', 'var_2'], products: ['prd_9'], sellers: ['sel_3'] });
  });

  it('is undefined when no event of the run changes a cart line', () => {
    expect(lineChangesOf([event('order.placed', { order_id: 'ord_1' })])).toBeUndefined();
    expect(lineChangesOf([])).toBeUndefined();
  });
});

const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A cart with `n` lines; only what the rooms read (the lines' ids) matters here. */
const cartWith = (n: number) =>
  ({
    id: 'cart_1',
    items: Array.from({ length: n }, (_, i) => ({
      variant_id: `var_${i}`,
      product_id: 'prd_1',
      seller_id: 'sel_1',
    })),
  }) as unknown as Cart;

describe('cart rooms (the order a joining tab receives carts in)', () => {
  it('does not send a join read after a fresher refresh already reached the socket', async () => {
    const http = createServer();
    const ioServer = new Server(http);
    closers.push(() => new Promise((r) => ioServer.close(() => r(undefined))));
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    const store = createMemoryStore();
    // The join's read is slow (it began before a write committed); the refresh's read is current.
    let releaseJoinRead: (cart: Cart) => void = () => {};
    const reads: Promise<Cart>[] = [
      new Promise((r) => {
        releaseJoinRead = r;
      }),
      Promise.resolve(cartWith(2)),
    ];
    const nsp = ioServer.of('/store');
    const rooms = createCartRooms({
      nsp,
      store,
      cartView: () => reads.shift() ?? Promise.resolve(cartWith(2)),
      logger: createLogger('silent'),
    });
    rooms.bindAdapter();
    await rooms.listen();
    const room = roomName({ channel: 'cart', key: 'cart_1' });
    let joining: Promise<void> | undefined;
    nsp.on('connection', (socket) => {
      void socket.join(room);
      joining = rooms.joined(socket, 'cart_1');
    });

    const client = connect(`http://127.0.0.1:${(http.address() as AddressInfo).port}/store`, {
      transports: ['websocket'],
      reconnection: false,
    });
    closers.push(() => client.disconnect());
    const received: number[] = [];
    client.on('event', (m: CartMessage) => received.push(m.event.data.items.length));
    await new Promise<void>((r) => client.once('connect', () => r()));
    for (let i = 0; i < 100 && !joining; i++) await new Promise((r) => setTimeout(r, 10));

    await store.publish(CART_CHANGED, room); // a write committed while the join was reading
    for (let i = 0; i < 200 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    releaseJoinRead(cartWith(1));
    await joining;
    await new Promise((r) => setTimeout(r, 100));
    expect(received).toEqual([2]);
  });
});
