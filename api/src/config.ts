import { z } from 'zod';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** A comma-separated list of host names (unset: empty); the webhooks plugin declares the same variable. */
export const hostList = z
  .string()
  .default('')
  .transform((v) =>
    v
      .split(',')
      .map((h) => h.trim())
      .filter((h) => h !== ''),
  );

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    // Pipelined connections of the storefront catalog's reads, besides the pool (db/read-lane.ts); 0: the pool.
    DATABASE_READ_CONNECTIONS: z.coerce.number().int().min(0).max(16).default(2),
    // The longest a statement on those connections may run before PostgreSQL cancels it; 0: no limit.
    DATABASE_READ_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(5000),
    PGLITE_DIR: z.string().min(1).default('.souk/pglite'),
    LOG_LEVEL: z.enum(logLevels).default('info'),
    // Unset: `pretty` when NODE_ENV=development, else `json` (see loadConfig).
    LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
    // Prometheus: /metrics on a port of its own (unset: on the API port), and/or behind a bearer token.
    // In production the API port serves /metrics only with METRICS_TOKEN set.
    METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50_000_000).default(1_000_000),
    DEFAULT_CURRENCY: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD')
      .default('USD'),
    CORS_ORIGINS: z.string().default('*'),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
    // A client that never finishes sending its request is answered 408 and disconnected after these.
    HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
    SEED_DEMO: z.enum(['auto', 'always', 'never']).default('auto'),
    CATALOG_CACHE_TTL_MS: z.coerce.number().int().min(0).max(300_000).default(2_000),
    CATALOG_CACHE_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(250),
    // Products' JSON kept by read-model version (catalog/product-bodies.ts): listings then read ids,
    // versions and stock, not bodies. MiB of text; 0 reads the bodies with every listing.
    CATALOG_BODY_CACHE_MB: z.coerce.number().int().min(0).max(1_024).default(16),
    IDEMPOTENCY_KEY_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 90)
      .default(24),
    // Seals stored idempotent responses (they can hold secrets shown once): 32 bytes, base64.
    // Unset: a random key per process, so a replay after a restart or on another instance cannot be read.
    IDEMPOTENCY_ENCRYPTION_KEY: z
      .string()
      .optional()
      .refine(
        (v) => v === undefined || Buffer.from(v, 'base64').length === 32,
        'must be 32 bytes, base64-encoded',
      )
      .transform((v) => (v === undefined ? undefined : Buffer.from(v, 'base64'))),
    // PEM RSA public key: api_key.created then carries the new secret encrypted to it (for kong-sync).
    API_KEY_SEAL_PUBLIC_KEY: z.string().startsWith('-----BEGIN PUBLIC KEY-----').optional(),
    API_KEY_CACHE_TTL_MS: z.coerce.number().int().min(0).max(300_000).default(10_000),
    // Shared state (rate limits, caches, invalidations): Redis when REDIS_URL is set, else in process.
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
      .optional(),
    REDIS_KEY_PREFIX: z.string().max(100).default('souk:'),
    REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(10).max(10_000).default(250),
    // Brotli/gzip answers as the client asks (api/src/http/compression.ts); off when a gateway in front
    // compresses instead, so the API's CPU is not spent on it twice.
    HTTP_COMPRESSION: flag(true),
    // Rate limits: requests per RATE_LIMIT_WINDOW_MS per tier (see api/src/http/rate-limit.ts).
    RATE_LIMIT_ENABLED: flag(true),
    RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(60_000),
    RATE_LIMIT_ANONYMOUS: z.coerce.number().int().min(1).default(300),
    RATE_LIMIT_PUBLISHABLE: z.coerce.number().int().min(1).default(600),
    RATE_LIMIT_CUSTOMER: z.coerce.number().int().min(1).default(600),
    RATE_LIMIT_SELLER: z.coerce.number().int().min(1).default(1_200),
    RATE_LIMIT_OPERATOR: z.coerce.number().int().min(1).default(3_000),
    // Unit leases of a hot subject's budget (see api/src/shared-store/rate-lease.ts): at most this many
    // units (capped at 1/20 of the quota; 1 = one atomic step in the store per request), for this long.
    RATE_LIMIT_LEASE_MAX: z.coerce.number().int().min(1).max(10_000).default(64),
    RATE_LIMIT_LEASE_MS: z.coerce.number().int().min(10).max(5_000).default(250),
    // Events: the outbox relay publishes to Kafka when KAFKA_BROKERS is set, else to the embedded bus.
    KAFKA_BROKERS: z
      .string()
      .regex(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, 'must be host:port[,host:port…]')
      .optional(),
    KAFKA_CLIENT_ID: z.string().min(1).default('souk'),
    KAFKA_TOPIC: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,200}$/, 'must be a Kafka topic name')
      .default('souk.events'),
    KAFKA_TOPIC_PARTITIONS: z.coerce.number().int().min(1).max(1000).default(6),
    KAFKA_TOPIC_RETENTION_MS: z.coerce
      .number()
      .int()
      .min(60_000)
      .default(7 * 86_400_000),
    // The built-in test payment provider answers after this many ms (0: at once), as a real provider's
    // network round trip would: for measuring and testing what a slow provider costs.
    PAYMENT_TEST_LATENCY_MS: z.coerce.number().int().min(0).max(10_000).default(0),
    RELAY_ENABLED: flag(true),
    RELAY_BATCH_SIZE: z.coerce.number().int().min(1).max(5_000).default(500),
    RELAY_POLL_MS: z.coerce.number().int().min(5).max(60_000).default(100),
    // With PostgreSQL LISTEN/NOTIFY wake-ups (EVENT_WAKEUPS, on by default) the relay, the embedded bus
    // and the plugins start on a commit's notification and poll an idle table only this often, in case
    // a notification was lost; RELAY_POLL_MS is then unused.
    EVENT_WAKEUPS: flag(true),
    EVENT_SAFETY_POLL_MS: z.coerce.number().int().min(5).max(600_000).default(5_000),
    // Plugins: which run (comma-separated names of `@souk/plugin-<name>` packages) and where.
    // `none` runs no plugin (an empty value means "unset", i.e. the default list).
    PLUGINS: z
      .string()
      .regex(/^[a-z0-9-]+(,[a-z0-9-]+)*$/, 'must be comma-separated plugin names, or none')
      .default('webhooks,inventory-alerts')
      .transform((v) => (v === 'none' ? [] : v.split(','))),
    PLUGINS_IN_PROCESS: flag(true),
    PLUGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
    PLUGIN_RETRY_BASE_MS: z.coerce.number().int().min(1).max(600_000).default(200),
    // Development allow-list of webhook hosts, comma-separated (unset: none). The API checks endpoint
    // URLs against it at registration; the webhooks plugin declares it again for delivery.
    WEBHOOK_ALLOWED_HOSTS: hostList,
    // Identity: Firebase Authentication. The emulator host is the only switch to the local emulator.
    FIREBASE_PROJECT_ID: z
      .string()
      .regex(/^[a-z][a-z0-9-]{4,29}$/, 'must be a Firebase project id')
      .optional(),
    FIREBASE_AUTH_EMULATOR_HOST: z
      .string()
      .regex(/^[^\s:/]+:\d+$/, 'must be host:port')
      .optional(),
    // Real-time channels (Socket.IO on the API port, fed by the `realtime` consumer group of the bus).
    REALTIME_ENABLED: flag(true),
    // false: this instance serves sockets but leaves the `realtime` consumer group to other instances
    // (with REDIS_URL their emits reach its sockets through the Socket.IO Redis adapter).
    REALTIME_CONSUMER: flag(true),
    REALTIME_MAX_ROOMS: z.coerce.number().int().min(1).max(10_000).default(50),
    // Room joins per connection per 10 seconds.
    REALTIME_JOIN_RATE: z.coerce.number().int().min(1).max(10_000).default(30),
    // Missed events one join replays at most (beyond it the client is told to refetch).
    REALTIME_REPLAY_LIMIT: z.coerce.number().int().min(0).max(10_000).default(500),
    REALTIME_PING_INTERVAL_MS: z.coerce.number().int().min(100).max(300_000).default(25_000),
    REALTIME_PING_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(20_000),
    // GraphQL Storefront API at /graphql (api/src/graphql/). Limits are checked before any resolver runs.
    GRAPHQL_ENABLED: flag(true),
    // `auto`: introspection (and GraphiQL) off when NODE_ENV=production, on otherwise.
    GRAPHQL_INTROSPECTION: z.enum(['auto', 'true', 'false']).default('auto'),
    GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(100).default(12),
    GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).max(1_000).default(30),
    GRAPHQL_MAX_COST: z.coerce.number().int().min(10).max(1_000_000).default(5_000),
    GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).max(1_000_000).default(5_000),
    GRAPHQL_MAX_BATCH: z.coerce.number().int().min(1).max(100).default(10),
    // Cost points one rate-limit unit (one REST request) pays for; an operation spends ceil(cost / this).
    GRAPHQL_COST_PER_UNIT: z.coerce.number().int().min(1).max(100_000).default(100),
    // Persisted queries: a JSON manifest { "<sha256>": "<document>" } (default: the SDK's, spec/dist/graphql-operations.json).
    GRAPHQL_PERSISTED_MANIFEST: z.string().min(1).optional(),
    // Strict mode: only operations of the manifest run; query text from clients is refused.
    GRAPHQL_PERSISTED_ONLY: flag(false),
    // Documents (reviews, content): MongoDB or FerretDB when MONGO_URL is set, else JSONB in the SQL database.
    MONGO_URL: z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// or mongodb+srv:// URL')
      .optional(),
    // The database to use; unset: the one in MONGO_URL's path, else `souk`.
    MONGO_DATABASE: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,63}$/, 'must be a MongoDB database name')
      .optional(),
    // Product media: originals and resized variants on local disk (MEDIA_DIR) unless GCS_BUCKET is set.
    MEDIA_DIR: z.string().min(1).default('.souk/media'),
    // Base of image URLs in API responses (a CDN in front of /media); unset: http://localhost:$PORT/media.
    MEDIA_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    MEDIA_MAX_UPLOAD_BYTES: z.coerce.number().int().min(1024).max(50_000_000).default(10_000_000),
    MEDIA_MAX_PIXELS: z.coerce.number().int().min(10_000).max(268_402_689).default(40_000_000),
    MEDIA_MAX_IMAGES_PER_PRODUCT: z.coerce.number().int().min(1).max(100).default(12),
    // Render the variants storefronts ask for in the background (after uploads, and the demo seed's
    // catalog after start) instead of on each image's first request.
    MEDIA_PRERENDER: flag(true),
    // Bytes of rendered variants each process keeps in memory (32 MiB: ~5,000 variants of 6 KB; 0: none).
    MEDIA_CACHE_BYTES: z.coerce.number().int().min(0).max(4_294_967_296).default(33_554_432),
    // Keep "this plain picture URL may serve" answers in memory, dropped on the database's notification
    // at the commit of any change that can take a URL away (false: ask PostgreSQL on every request).
    MEDIA_SERVED_CACHE: flag(true),
    // Periodic sweep of stored image folders no product names (files a failed clean-up left): every
    // MEDIA_SWEEP_INTERVAL_MS (0: off), sparing folders written in the last MEDIA_SWEEP_GRACE_MS.
    MEDIA_SWEEP_INTERVAL_MS: z.coerce.number().int().min(0).max(604_800_000).default(21_600_000),
    MEDIA_SWEEP_GRACE_MS: z.coerce.number().int().min(0).max(604_800_000).default(3_600_000),
    // Signs the short-lived preview URLs of pictures not public yet (a draft's): at least 32 characters,
    // the same on every instance. Unset: a random key generated once per database and kept in it.
    MEDIA_PREVIEW_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
    // How long a preview URL from the seller API stays valid, in seconds.
    MEDIA_PREVIEW_TTL_S: z.coerce.number().int().min(30).max(86_400).default(900),
    GCS_BUCKET: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$/, 'must be a Cloud Storage bucket name')
      .optional(),
    // fake-gcs-server or another emulator (http://127.0.0.1:4443); unset: Google's endpoint with ADC.
    GCS_API_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
    GCS_PROJECT_ID: z.string().min(1).optional(),
    GCS_KEY_PREFIX: z
      .string()
      .regex(/^([a-z0-9._-]+\/)*$/, 'must be empty or end with /')
      .default(''),
  })
  .superRefine((c, ctx) => {
    // The emulator issues unsigned tokens anyone can forge: production must never trust it.
    if (c.NODE_ENV === 'production' && c.FIREBASE_AUTH_EMULATOR_HOST !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['FIREBASE_AUTH_EMULATOR_HOST'],
        message: 'must not be set when NODE_ENV=production (the Auth emulator accepts forged tokens)',
      });
    }
  });

/** A boolean variable written `true`/`false` (or 1/0). */
function flag(fallback: boolean) {
  return z
    .enum(['true', 'false', '1', '0'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1');
}

/** Validated runtime configuration. */
export type Config = Omit<z.infer<typeof schema>, 'LOG_FORMAT'> & {
  LOG_FORMAT: 'json' | 'pretty';
  /** The environment this was read from (unset and empty values dropped): plugins read their own variables in it. */
  env: Readonly<Record<string, string>>;
};

/** Thrown when the environment holds a bad value; the message names every bad variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads and validates configuration from an environment map (defaults to `process.env`).
 * Empty strings count as unset so `PORT=` behaves like no `PORT`.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => {
      const key = i.path.join('.');
      return `  ${key}=${JSON.stringify(env[key] ?? '')}: ${i.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  // Human-readable lines for a developer's terminal; one JSON object a line wherever a machine reads them.
  const LOG_FORMAT = result.data.LOG_FORMAT ?? (result.data.NODE_ENV === 'development' ? 'pretty' : 'json');
  return { ...result.data, LOG_FORMAT, env: cleaned as Record<string, string> };
}
