import type { LogEvent } from 'kysely';
import type { Config } from './config.js';
import { type DatabaseHandle, openDatabase } from './db/database.js';
import { createIdempotency, type RunIdempotent } from './http/idempotency.js';
import type { Logger } from './lib/logger.js';
import { type ApiKeyService, createApiKeyService } from './modules/auth/index.js';
import { type CatalogService, createCatalogService } from './modules/catalog/index.js';

/** Everything the app is made of, wired once from configuration. */
export interface Container {
  config: Config;
  logger: Logger;
  database: DatabaseHandle;
  catalog: CatalogService;
  apiKeys: ApiKeyService;
  idempotent: RunIdempotent;
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
    pgliteDir: options.pgliteDir === null ? undefined : (options.pgliteDir ?? config.PGLITE_DIR),
    logger,
    ...(options.onQuery ? { onQuery: options.onQuery } : {}),
  });
  const catalog = createCatalogService({ db: database.db, defaultCurrency: config.DEFAULT_CURRENCY });
  const apiKeys = createApiKeyService({ db: database.db, logger, cacheTtlMs: config.API_KEY_CACHE_TTL_MS });
  const idempotent = createIdempotency({ db: database.db });
  return { config, logger, database, catalog, apiKeys, idempotent, close: () => database.destroy() };
}
