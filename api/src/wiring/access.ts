import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/database.js';
import type { Logger } from '../lib/logger.js';
import type { ApiKeyService } from '../modules/auth/auth.service.js';
import { createApiKeyService, createSecretSealer } from '../modules/auth/index.js';
import { createRateLimitService } from '../modules/rate-limits/index.js';
import type { RateLimitService } from '../modules/rate-limits/rate-limits.service.js';
import { createRateBudget, type RateBudget } from '../shared-store/rate-lease.js';
import type { SharedStore } from '../shared-store/store.js';

/** What the access services read and share: the database, the log and the instances' shared store. */
export interface AccessDeps {
  db: DatabaseHandle['db'];
  logger: Logger;
  store: SharedStore;
}

/** The rate-limit budgets in the shared store, leased in the configuration's units (see rate-lease.ts). */
export function createConfiguredRateBudget(config: Config, store: SharedStore): RateBudget {
  return createRateBudget(store, {
    leaseMs: config.RATE_LIMIT_LEASE_MS,
    maxUnits: config.RATE_LIMIT_LEASE_MAX,
    maxShare: 1 / 20,
  });
}

/** API keys with the configuration's cache lifetime, sealing new secrets with its public key. */
export function createConfiguredApiKeys(config: Config, { db, logger, store }: AccessDeps): ApiKeyService {
  return createApiKeyService({
    db,
    logger,
    cacheTtlMs: config.API_KEY_CACHE_TTL_MS,
    store,
    sealSecret: createSecretSealer(config.API_KEY_SEAL_PUBLIC_KEY),
  });
}

/** The rate-limit tiers of the configuration, with sellers' quota overrides from the database. */
export function createConfiguredRateLimits(
  config: Config,
  { db, logger, store }: AccessDeps,
): RateLimitService {
  return createRateLimitService({
    db,
    store,
    logger,
    tiers: {
      anonymous: config.RATE_LIMIT_ANONYMOUS,
      publishable: config.RATE_LIMIT_PUBLISHABLE,
      customer: config.RATE_LIMIT_CUSTOMER,
      seller: config.RATE_LIMIT_SELLER,
      operator: config.RATE_LIMIT_OPERATOR,
    },
  });
}
