import { randomBytes } from 'node:crypto';
import type { LogEvent } from 'kysely';
import type { Config } from './config.js';
import { type DatabaseHandle, openDatabase } from './db/database.js';
import { createDocumentStore, type DocumentStore } from './documents/index.js';
import { createIdempotency, type Idempotency } from './http/idempotency.js';
import { createReplaySeal } from './http/idempotency.seal.js';
import type { Logger } from './lib/logger.js';
import type { ApiKeyService } from './modules/auth/auth.service.js';
import type { IdentityVerifier } from './modules/auth/identity.js';
import { type CartsService, createCartsService } from './modules/carts/index.js';
import {
  type CatalogService,
  createCatalogService,
  productBodyCache,
  withCatalogCache,
} from './modules/catalog/index.js';
import { type ContentService, createContentService } from './modules/content/index.js';
import { type CustomersService, createCustomersService } from './modules/customers/index.js';
import { createConfiguredRelay, createEventBus, type EventBus, type Relay } from './modules/events/index.js';
import { createLedgerService, type LedgerService } from './modules/ledger/index.js';
import {
  createMediaService,
  createPreviewSigner,
  type MediaService,
  mediaPreviewKey,
  mediaPublicUrl,
} from './modules/media/index.js';
import {
  type CheckoutService,
  createCheckoutService,
  createOrdersService,
  type OrdersService,
} from './modules/orders/index.js';
import { createTestPaymentProvider, type PaymentProvider } from './modules/payments/index.js';
import type { RateLimitService } from './modules/rate-limits/rate-limits.service.js';
import {
  announceCartChange,
  createOrderWatch,
  type OrderWatch,
  type Realtime,
} from './modules/realtime/index.js';
import { createReviewsService, type ReviewsService } from './modules/reviews/index.js';
import { createSellerCatalogService, type SellerCatalogService } from './modules/seller-catalog/index.js';
import { createSellerAdminService, type SellerAdminService } from './modules/sellers/index.js';
import { createShippingService, type ShippingService } from './modules/shipping/index.js';
import { createStaffService, type StaffService } from './modules/staff/index.js';
import { createWebhooksService, type WebhooksService } from './modules/webhooks/index.js';
import { instrumentCache } from './observability/business.metrics.js';
import { observeDatabase } from './observability/database.metrics.js';
import { createConfiguredRunner, loadPlugins, type PluginRunner } from './plugins/index.js';
import { createSharedStore, type SharedStore } from './shared-store/index.js';
import type { RateBudget } from './shared-store/rate-lease.js';
import { createConfiguredStorage, type ObjectStorage } from './storage/index.js';
import {
  createConfiguredApiKeys,
  createConfiguredRateBudget,
  createConfiguredRateLimits,
} from './wiring/access.js';
import { createConfiguredIdentity } from './wiring/identity.js';
import { startMaintenance } from './wiring/maintenance.js';
import { createConfiguredRealtime } from './wiring/realtime.js';

/** Everything the app is made of, wired once from configuration. */
export interface Container {
  config: Config;
  logger: Logger;
  database: DatabaseHandle;
  /** Shared state of API instances: Redis (`REDIS_URL`) or in process. */
  store: SharedStore;
  /** Documents (reviews, content): MongoDB/FerretDB (`MONGO_URL`) or JSONB in the SQL database. */
  documents: DocumentStore;
  /** Rate-limit tiers and per-seller quota overrides. */
  rateLimits: RateLimitService;
  /** The rate-limit budgets, spent through leases of the store's (see shared-store/rate-lease.ts). */
  rateBudget: RateBudget;
  catalog: CatalogService;
  /** Whole-response cache of storefront catalog GETs, dropped with the catalog cache. */
  catalogResponses: ReturnType<typeof withCatalogCache>['responses'];
  /** Whole GraphQL results of public catalog queries, dropped with the catalog cache; absent when it is off. */
  catalogResults: ReturnType<typeof withCatalogCache>['results'] | undefined;
  apiKeys: ApiKeyService;
  /** Verifies shoppers' Firebase ID tokens (the Auth emulator when FIREBASE_AUTH_EMULATOR_HOST is set). */
  identity: IdentityVerifier;
  customers: CustomersService;
  /** Sellers' staff acting with their Firebase sign-in. */
  staff: StaffService;
  /** The one owner of write transactions and Idempotency-Key records. */
  idempotent: Idempotency;
  sellerCatalog: SellerCatalogService;
  carts: CartsService;
  sellers: SellerAdminService;
  shipping: ShippingService;
  payments: PaymentProvider;
  checkout: CheckoutService;
  orders: OrdersService;
  ledger: LedgerService;
  /** Product reviews (documents) and their aggregates (PostgreSQL). */
  reviews: ReviewsService;
  /** Signs the watch tokens of a signed-in shopper's orders (their real-time rooms). */
  orderWatch: OrderWatch;
  /** Theme content and sellers' pages (documents). */
  content: ContentService;
  /** Webhook endpoints of sellers and the operator (the webhooks plugin delivers to them). */
  webhooks: WebhooksService;
  /** The event bus (Kafka or embedded) and the outbox relay that feeds it. */
  bus: EventBus;
  relay: Relay;
  /** Product image files: local disk (`MEDIA_DIR`) or Cloud Storage (`GCS_BUCKET`). */
  storage: ObjectStorage;
  /** Product image uploads and their resized variants. */
  media: MediaService;
  /** Plugins hosted in this process (`PLUGINS_IN_PROCESS`), once started. */
  plugins: PluginRunner | undefined;
  /** Socket.IO channels (`REALTIME_ENABLED`): the server attaches it to its HTTP server. */
  realtime: Realtime;
  start(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the adapters the configuration names and builds the services on them.
 * `pgliteDir: null` keeps an embedded database in memory (tests).
 */
export async function createContainer(
  config: Config,
  logger: Logger,
  options: { onQuery?: (event: LogEvent) => void; pgliteDir?: string | null } = {},
): Promise<Container> {
  const database = await openDatabase({
    url: config.DATABASE_URL,
    poolSize: config.DATABASE_POOL_SIZE,
    readConnections: config.DATABASE_READ_CONNECTIONS,
    readTimeoutMs: config.DATABASE_READ_TIMEOUT_MS,
    pgliteDir: options.pgliteDir === null ? undefined : (options.pgliteDir ?? config.PGLITE_DIR),
    logger,
    ...(options.onQuery ? { onQuery: options.onQuery } : {}),
  });
  const store = createSharedStore(config, logger);
  const rateBudget = createConfiguredRateBudget(config, store);
  const documents = await createDocumentStore(config, database.db, logger);
  observeDatabase(database.db);
  const catalogCache = withCatalogCache(
    createCatalogService({
      db: database.reads,
      defaultCurrency: config.DEFAULT_CURRENCY,
      bodies:
        config.CATALOG_BODY_CACHE_MB > 0
          ? instrumentCache('catalog_bodies', productBodyCache(config.CATALOG_BODY_CACHE_MB * 1_048_576))
          : undefined,
    }),
    {
      db: database.db,
      logger,
      ttlMs: config.CATALOG_CACHE_TTL_MS,
      pollMs: config.CATALOG_CACHE_POLL_MS,
      store,
    },
  );
  const catalog = catalogCache.service;
  let stopMaintenance: (() => void) | undefined;
  const apiKeys = createConfiguredApiKeys(config, { db: database.db, logger, store });
  const rateLimits = createConfiguredRateLimits(config, { db: database.db, logger, store });
  const identity = createConfiguredIdentity(config);
  const staff = createStaffService({ db: database.db });
  if (!config.IDEMPOTENCY_ENCRYPTION_KEY && config.NODE_ENV === 'production') {
    logger.warn(
      'IDEMPOTENCY_ENCRYPTION_KEY is unset: replays will not survive a restart or reach other instances',
    );
  }
  const idempotent = createIdempotency({
    db: database.db,
    seal: createReplaySeal(config.IDEMPOTENCY_ENCRYPTION_KEY ?? randomBytes(32)),
  });
  const customers = createCustomersService({ db: database.db, transaction: idempotent.transaction });
  const sellerCatalog = createSellerCatalogService({
    db: database.db,
    // Files left behind by a failed clean-up are swept with the product's next image change.
    afterImagesDropped: (productId, dropped) =>
      media.release(productId, dropped).then(
        () => undefined,
        (err: unknown) =>
          logger.warn({ err, product_id: productId }, 'media: clean-up of product images failed'),
      ),
  });
  const sellers = createSellerAdminService({ db: database.db });
  const shipping = createShippingService({ db: database.db });
  // Live cart rooms re-read a cart once a write to it commits; the signal names a hash, never the id.
  const cartChanged = (cartId: string) => announceCartChange(store, cartId, logger);
  const carts = createCartsService({ db: database.db, changed: cartChanged });
  const payments = createTestPaymentProvider({ latencyMs: config.PAYMENT_TEST_LATENCY_MS });
  const checkout = createCheckoutService({ db: database.db, payments, cartChanged });
  const orders = createOrdersService({ db: database.db, payments });
  const ledger = createLedgerService({ db: database.db });
  const webhooks = createWebhooksService({
    db: database.db,
    allowedHosts: config.WEBHOOK_ALLOWED_HOSTS,
    // Plain http:// only outside production (local receivers during development and tests).
    requireHttps: config.NODE_ENV === 'production',
  });
  const reviews = createReviewsService({ db: database.db, documents });
  const content = createContentService({
    db: database.db,
    transaction: idempotent.transaction,
    documents,
    catalog,
  });
  const bus = await createEventBus(config, database.db, logger, database.notifications);
  const relay = createConfiguredRelay(config, database.db, bus, logger, database.notifications);
  const orderWatch = createOrderWatch({ db: database.db });
  const realtime = createConfiguredRealtime(config, logger, {
    orderWatch,
    db: database.db,
    bus,
    apiKeys,
    identity,
    customers,
    staff,
    store,
    carts,
  });
  const storage = await createConfiguredStorage(config);
  const media = createMediaService({
    db: database.db,
    storage,
    publicUrl: mediaPublicUrl(config),
    limits: { maxPixels: config.MEDIA_MAX_PIXELS, maxImagesPerProduct: config.MEDIA_MAX_IMAGES_PER_PRODUCT },
    logger,
    sweep: { intervalMs: config.MEDIA_SWEEP_INTERVAL_MS, graceMs: config.MEDIA_SWEEP_GRACE_MS },
    cacheBytes: config.MEDIA_CACHE_BYTES,
    notifications: database.notifications,
    cacheServedAs: config.MEDIA_SERVED_CACHE,
    preview: createPreviewSigner({
      key: mediaPreviewKey(database.db, config.MEDIA_PREVIEW_KEY),
      ttlS: config.MEDIA_PREVIEW_TTL_S,
    }),
  });
  const container: Container = {
    config,
    logger,
    database,
    store,
    documents,
    rateLimits,
    rateBudget,
    catalog,
    catalogResponses: instrumentCache('catalog_responses', catalogCache.responses),
    catalogResults:
      config.CATALOG_CACHE_TTL_MS > 0 ? instrumentCache('catalog_graphql', catalogCache.results) : undefined,
    apiKeys,
    identity,
    customers,
    staff,
    idempotent,
    sellerCatalog,
    sellers,
    shipping,
    carts,
    payments,
    checkout,
    orders,
    ledger,
    webhooks,
    reviews,
    orderWatch,
    content,
    bus,
    relay,
    storage,
    media,
    plugins: undefined,
    realtime,
    /**
     * Starts background work: the catalog cache's change watcher, the event relay, the in-process
     * plugins, and the periodic upkeep (idempotency-key purge, review resync).
     */
    start: async () => {
      await catalogCache.start();
      await apiKeys.start();
      await rateLimits.start();
      const hostPlugins = config.PLUGINS_IN_PROCESS && config.PLUGINS.length > 0;
      const consumeRealtime = config.REALTIME_ENABLED && config.REALTIME_CONSUMER;
      if (config.RELAY_ENABLED || hostPlugins || consumeRealtime) await bus.setup();
      if (config.RELAY_ENABLED) relay.start();
      if (hostPlugins) {
        const runner = createConfiguredRunner(
          config,
          { db: database.db, bus, logger, notifications: database.notifications },
          await loadPlugins(config.PLUGINS),
        );
        container.plugins = runner;
        await runner.start();
      }
      if (consumeRealtime) await realtime.start();
      stopMaintenance = startMaintenance({
        db: database.db,
        documents,
        logger,
        idempotencyKeyTtlHours: config.IDEMPOTENCY_KEY_TTL_HOURS,
      });
    },
    close: async () => {
      stopMaintenance?.();
      catalogCache.stop();
      await container.plugins?.stop();
      await realtime.close();
      await relay.stop();
      await bus.close();
      await identity.close();
      await database.destroy();
      // Unspent leased units go back to the shared budget while the store is still open.
      await rateBudget.close();
      await store.close();
      await documents.close();
      await media.close();
      await storage.close();
    },
  };
  return container;
}
