import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import { Server } from 'socket.io';
import type { Database } from '../../db/schema.js';
import type { Principal } from '../../http/principal.js';
import type { Logger } from '../../lib/logger.js';
import type { SharedStore } from '../../shared-store/store.js';
import type { Credentials } from '../auth/authenticate.js';
import type { Cart } from '../carts/carts.views.js';
import type { EventBus, Subscription } from '../events/bus.js';
import { createActorSellerLookup } from './realtime.actor.js';
import { handshakeAuth } from './realtime.auth.js';
import { createCartRooms, lineChangesOf } from './realtime.carts.js';
import { type Delivery, deliveriesOf, type RealtimeNamespace } from './realtime.rooms.js';
import { handleSubscriptions, type SubscribeLimits } from './realtime.subscribe.js';
import type { OrderWatch } from './realtime.watch.js';

/** The bus consumer group that feeds every real-time message (one group for all instances). */
export const REALTIME_GROUP = 'realtime';

export interface RealtimeOptions {
  db: Kysely<Database>;
  bus: EventBus;
  logger: Logger;
  authenticate: (credentials: Credentials) => Principal | Promise<Principal>;
  /** Carries the "cart changed" signals between instances (Redis when `REDIS_URL` is set). */
  store: SharedStore;
  /** The cart as the API returns it (`not_found` for an unknown id): what cart rooms receive. */
  cartView: (cartId: string) => Promise<Cart>;
  /** Redis for the Socket.IO adapter, so a message emitted on one instance reaches sockets on all. */
  redis: { url: string; prefix: string } | undefined;
  /** `*` or a comma-separated list of browser origins. */
  corsOrigins: string;
  limits: SubscribeLimits;
  /** Verifies order watch tokens (`ow_…`), which open one order's room for a signed-in shopper. */
  orderWatch: Pick<OrderWatch, 'verify'>;
  pingIntervalMs: number;
  pingTimeoutMs: number;
}

/** The real-time server: Socket.IO namespaces fed by the `realtime` consumer group. */
export interface Realtime {
  readonly io: Server;
  /** Serves Socket.IO (`/socket.io`) on this HTTP server. */
  attach(server: HttpServer): void;
  /** Starts consuming the bus. */
  start(): Promise<void>;
  /** Stops consuming, disconnects every socket, closes the adapter's Redis connections. */
  close(): Promise<void>;
  stats(): { connections: number; delivered: number; carts: number };
}

const NAMESPACES: readonly RealtimeNamespace[] = ['/store', '/seller'];
/**
 * Events older than this when the consumer reads them are not broadcast: after a long outage or on the
 * first start over an old log they would show live clients a past state. Clients that were away catch up
 * with `since`, which replays from the outbox in order.
 */
export const STALE_AFTER_MS = 5 * 60_000;
/** Client messages are small (`subscribe` requests): anything larger closes the connection. */
export const MAX_CLIENT_MESSAGE_BYTES = 16 * 1024;

/**
 * Builds the Socket.IO server. Messages are emitted from the bus consumer only, i.e. after the
 * transaction that recorded the event committed; with Redis the adapter carries each emit to the
 * sockets of every instance, so the single consumer group is enough however many instances run.
 */
export function createRealtime(options: RealtimeOptions): Realtime {
  const { logger } = options;
  const io = new Server({
    serveClient: false,
    maxHttpBufferSize: MAX_CLIENT_MESSAGE_BYTES,
    pingInterval: options.pingIntervalMs,
    pingTimeout: options.pingTimeoutMs,
    connectTimeout: 10_000,
    cors: {
      origin: options.corsOrigins === '*' ? '*' : options.corsOrigins.split(',').map((o) => o.trim()),
    },
  });
  const sellerOf = createActorSellerLookup(options.db);
  const redisClients: Redis[] = [];
  /** Connects the Redis adapter on first use (attach or start), so an unused server opens nothing. */
  function useAdapter(): void {
    if (!options.redis || redisClients.length > 0) return;
    // Auto-pipelining: the PUBLISHes of one run of events leave in one socket write, not one each.
    const pub = new Redis(options.redis.url, { maxRetriesPerRequest: null, enableAutoPipelining: true });
    const sub = pub.duplicate();
    for (const client of [pub, sub]) {
      client.on('error', (err) => logger.warn({ err }, 'realtime redis adapter connection failed'));
      redisClients.push(client);
    }
    io.adapter(createAdapter(pub, sub, { key: `${options.redis.prefix}socket.io` }));
  }
  const carts = createCartRooms({
    nsp: io.of('/store'),
    store: options.store,
    cartView: options.cartView,
    logger,
  });
  let prepared = false;
  /** The adapter, then what depends on it: the cart rooms' adapter hook and their store signals. */
  function prepare(): Promise<void> {
    if (!prepared) {
      prepared = true;
      useAdapter();
      carts.bindAdapter();
    }
    return carts.listen();
  }
  for (const name of NAMESPACES) {
    const nsp = io.of(name);
    nsp.use(handshakeAuth(name, options.authenticate));
    nsp.on('connection', (socket) =>
      handleSubscriptions(socket, name, {
        db: options.db,
        limits: options.limits,
        sellerOf,
        carts,
        orderWatch: options.orderWatch,
      }),
    );
  }
  let subscription: Subscription | undefined;
  let delivered = 0;
  return {
    io,
    attach(server) {
      prepare().catch((err: unknown) => logger.warn({ err }, 'realtime: cart signals not subscribed'));
      io.attach(server);
    },
    async start() {
      await prepare();
      // Runs of events: every message of a run is emitted in one go, and one cart-lines signal covers
      // the run (each instance re-reads its carts once for the run, not once per event).
      subscription = await options.bus.subscribeBatch(REALTIME_GROUP, async (events) => {
        const fresh = events.filter((e) => Date.now() - Date.parse(e.occurred_at) <= STALE_AFTER_MS);
        const deliveries: Delivery[] = [];
        for (const event of fresh) deliveries.push(...(await deliveriesOf(event, sellerOf)));
        for (const d of deliveries) io.of(d.namespace).to(d.room).emit('event', d.message);
        delivered += deliveries.length;
        // Carts holding a changed line are on any instance: each re-reads its own (realtime.carts.ts).
        const lines = lineChangesOf(fresh);
        if (lines) await carts.linesChanged(lines);
      });
      logger.info({ bus: options.bus.kind, redis: redisClients.length > 0 }, 'realtime consumer started');
    },
    async close() {
      await subscription?.close();
      subscription = undefined;
      for (const name of NAMESPACES) io.of(name).local.disconnectSockets(true);
      io.engine?.close();
      await Promise.all(redisClients.splice(0).map((c) => c.quit().catch(() => c.disconnect())));
    },
    stats: () => ({ connections: io.engine?.clientsCount ?? 0, delivered, carts: carts.size() }),
  };
}
