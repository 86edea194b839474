import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/database.js';
import type { Logger } from '../lib/logger.js';
import type { ApiKeyService } from '../modules/auth/auth.service.js';
import type { IdentityVerifier } from '../modules/auth/identity.js';
import { createAuthenticator } from '../modules/auth/index.js';
import type { CartsService } from '../modules/carts/carts.service.js';
import type { CustomersService } from '../modules/customers/customers.service.js';
import type { EventBus } from '../modules/events/bus.js';
import { createRealtime } from '../modules/realtime/index.js';
import type { Realtime } from '../modules/realtime/realtime.server.js';
import type { OrderWatch } from '../modules/realtime/realtime.watch.js';
import type { StaffService } from '../modules/staff/staff.service.js';
import type { SharedStore } from '../shared-store/store.js';

/** What the real-time server reads carts from and authenticates handshakes with. */
export interface RealtimeDeps {
  db: DatabaseHandle['db'];
  bus: EventBus;
  store: SharedStore;
  apiKeys: ApiKeyService;
  identity: IdentityVerifier;
  customers: CustomersService;
  staff: StaffService;
  carts: CartsService;
  orderWatch: OrderWatch;
}

/** The real-time server with the configuration's limits, authenticating handshakes like REST requests. */
export function createConfiguredRealtime(config: Config, logger: Logger, deps: RealtimeDeps): Realtime {
  return createRealtime({
    db: deps.db,
    bus: deps.bus,
    store: deps.store,
    cartView: (cartId) => deps.carts.getCart(cartId),
    logger: logger.child({ component: 'realtime' }),
    authenticate: createAuthenticator({
      apiKeys: deps.apiKeys,
      identity: deps.identity,
      customerOf: async (identity) => (await deps.customers.signIn(identity)).id,
      staffOf: (identity) => deps.staff.membershipOf(identity),
      operatorStaffOf: (identity) => deps.staff.operators.membershipOf(identity),
    }),
    redis: config.REDIS_URL ? { url: config.REDIS_URL, prefix: config.REDIS_KEY_PREFIX } : undefined,
    corsOrigins: config.CORS_ORIGINS,
    limits: {
      maxRooms: config.REALTIME_MAX_ROOMS,
      joinsPer10s: config.REALTIME_JOIN_RATE,
      replayLimit: config.REALTIME_REPLAY_LIMIT,
    },
    orderWatch: deps.orderWatch,
    pingIntervalMs: config.REALTIME_PING_INTERVAL_MS,
    pingTimeoutMs: config.REALTIME_PING_TIMEOUT_MS,
  });
}
