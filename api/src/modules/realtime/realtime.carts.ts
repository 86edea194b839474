import { randomUUID } from 'node:crypto';
import type { Namespace } from 'socket.io';
import { AppError } from '../../errors.js';
import type { RealtimeMessages } from '../../generated/realtime.js';
import type { Logger } from '../../lib/logger.js';
import type { SharedStore } from '../../shared-store/store.js';
import type { Cart } from '../carts/carts.views.js';
import type { BusEvent } from '../events/bus.js';
import { publicRoomName, roomName } from './realtime.rooms.js';

/** What a cart room's sockets receive: the room as they named it and the cart, read after a change. */
export interface CartMessage {
  room: string;
  event: RealtimeMessages['cart'];
}

/**
 * Shared-store channels of the cart rooms. Their messages carry a room name (`cart:<sha-256 of the
 * id>`) or catalog ids, never a cart id: the id is the cart's only credential.
 */
export const CART_CHANGED = 'realtime:cart-changed';
export const CART_LINES_CHANGED = 'realtime:cart-lines-changed';

/** The lines a catalog event may have changed in any cart: by variant, product or seller. */
export interface LineChange {
  variants: string[];
  products: string[];
  sellers: string[];
}

const text = (v: unknown): string[] => (typeof v === 'string' ? [v] : []);

/** The cart lines an event may change (price, stock, availability), or undefined when it changes none. */
export function lineChangeOf(event: BusEvent): LineChange | undefined {
  const d = event.data;
  switch (event.type) {
    case 'inventory.updated':
    case 'variant.updated':
    case 'variant.deleted':
      return { variants: text(d.variant_id), products: [], sellers: [] };
    case 'product.updated':
    case 'product.published':
    case 'product.unpublished':
    case 'product.deleted':
      return { variants: [], products: text(d.product_id), sellers: [] };
    case 'seller.suspended':
    case 'seller.reactivated':
      return { variants: [], products: [], sellers: text(d.seller_id) };
    default:
      return undefined;
  }
}

/** The cart lines a run of events may change, merged into one signal, or undefined when they change none. */
export function lineChangesOf(events: readonly BusEvent[]): LineChange | undefined {
  const variants = new Set<string>();
  const products = new Set<string>();
  const sellers = new Set<string>();
  let any = false;
  for (const event of events) {
    const change = lineChangeOf(event);
    if (!change) continue;
    any = true;
    for (const v of change.variants) variants.add(v);
    for (const p of change.products) products.add(p);
    for (const s of change.sellers) sellers.add(s);
  }
  return any ? { variants: [...variants], products: [...products], sellers: [...sellers] } : undefined;
}

/**
 * Tells every instance that a cart changed (call once its transaction committed). Resolves even when
 * the store is down: the write is done, and a live view that misses one change is refreshed by the next.
 */
export async function announceCartChange(store: SharedStore, cartId: string, logger: Logger): Promise<void> {
  await store
    .publish(CART_CHANGED, roomName({ channel: 'cart', key: cartId }))
    .catch((err: unknown) => logger.warn({ err }, 'realtime: cart change not announced'));
}

interface Watched {
  cartId: string;
  /** The room as clients name it (`cart:<id>`): sent only to sockets that joined with the id. */
  publicName: string;
  variants: Set<string>;
  products: Set<string>;
  sellers: Set<string>;
  running: boolean;
  again: boolean;
  /** Reads of this cart begun so far (refreshes and joins), in order. */
  reads: number;
  /** The number of the last refresh read sent to the room. */
  sent: number;
}

/** The cart rooms of one instance's `/store` namespace. */
export interface CartRooms {
  /** Remembers a room a socket just joined with `cartId`, and sends that socket the cart as it is now. */
  joined(socket: { emit(ev: 'event', m: CartMessage): unknown }, cartId: string): Promise<void>;
  /** Listens to the shared store's cart signals; idempotent. */
  listen(): Promise<void>;
  /** Forgets rooms the adapter dropped (call after the adapter is set: it replaces the old one). */
  bindAdapter(): void;
  /** Announces, to every instance, lines a committed catalog event changed (the bus consumer's part). */
  linesChanged(change: LineChange): Promise<void>;
  /** How many carts this instance watches. */
  size(): number;
}

/**
 * Keeps the cart rooms of this instance fresh. Each instance knows the ids of the carts its own sockets
 * joined (never shared), so on a signal each one reads those carts again and emits to its local sockets
 * only (`local`): the Redis adapter would otherwise deliver the same cart once per instance.
 */
export function createCartRooms(deps: {
  nsp: Namespace;
  store: SharedStore;
  cartView: (cartId: string) => Promise<Cart>;
  logger: Logger;
}): CartRooms {
  const { nsp, store, logger } = deps;
  const watched = new Map<string, Watched>();
  let listening: Promise<void> | undefined;

  const message = (w: Watched, cart: Cart): CartMessage => ({
    room: w.publicName,
    event: {
      id: `cartmsg_${randomUUID()}`,
      type: 'cart.updated',
      occurred_at: new Date().toISOString(),
      data: cart,
    },
  });

  function remember(w: Watched, cart: Cart): void {
    w.variants = new Set(cart.items.map((i) => i.variant_id));
    w.products = new Set(cart.items.map((i) => i.product_id));
    w.sellers = new Set(cart.items.map((i) => i.seller_id));
  }

  /** Reads the cart again and emits it; runs one at a time per room, the last read always sent last. */
  async function refresh(room: string): Promise<void> {
    const w = watched.get(room);
    if (!w) return;
    if (w.running) {
      w.again = true;
      return;
    }
    w.running = true;
    try {
      do {
        w.again = false;
        if (!nsp.adapter.rooms.has(room)) {
          watched.delete(room);
          return;
        }
        const read = ++w.reads;
        const cart = await deps.cartView(w.cartId);
        remember(w, cart);
        nsp.local.to(room).emit('event', message(w, cart));
        w.sent = read;
      } while (w.again);
    } catch (err) {
      // A guest cart merged into an account's cart is gone: nothing more to send about it.
      if (err instanceof AppError && err.code === 'not_found') watched.delete(room);
      else logger.warn({ err }, 'realtime: cart refresh failed');
    } finally {
      w.running = false;
    }
  }

  const hits = (w: Watched, c: LineChange) =>
    c.variants.some((v) => w.variants.has(v)) ||
    c.products.some((p) => w.products.has(p)) ||
    c.sellers.some((s) => w.sellers.has(s));

  return {
    async joined(socket, cartId) {
      const room = roomName({ channel: 'cart', key: cartId });
      let w = watched.get(room);
      if (!w) {
        const publicName = publicRoomName({ channel: 'cart', key: cartId });
        w = {
          cartId,
          publicName,
          variants: new Set(),
          products: new Set(),
          sellers: new Set(),
          running: false,
          again: false,
          reads: 0,
          sent: 0,
        };
        watched.set(room, w);
      }
      // Read after the join: a change committed before it is in this read, one after it signals the room.
      const read = ++w.reads;
      const cart = await deps.cartView(cartId);
      // A refresh begun after this read has already reached the socket (it is in the room): this cart
      // may be older, and sent now it would be the last the tab sees.
      if (w.sent > read) return;
      remember(w, cart);
      socket.emit('event', message(w, cart));
    },
    listen() {
      listening ??= (async () => {
        await store.subscribe(CART_CHANGED, (room) => void refresh(room));
        await store.subscribe(CART_LINES_CHANGED, (raw) => {
          let change: LineChange;
          try {
            change = JSON.parse(raw) as LineChange;
          } catch {
            return;
          }
          for (const [room, w] of watched) if (hits(w, change)) void refresh(room);
        });
      })();
      return listening;
    },
    bindAdapter() {
      nsp.adapter.on('delete-room', (room: string) => watched.delete(room));
    },
    async linesChanged(change) {
      await store
        .publish(CART_LINES_CHANGED, JSON.stringify(change))
        .catch((err: unknown) => logger.warn({ err }, 'realtime: cart line change not announced'));
    },
    size: () => watched.size,
  };
}
