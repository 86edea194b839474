import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Database } from '../../db/schema.js';
import type { Logger } from '../../lib/logger.js';
import type { SharedStore } from '../../shared-store/index.js';
import * as repo from './rate-limits.repository.js';

/** The per-minute quota of each tier of caller. */
export interface RateLimitTiers {
  anonymous: number;
  publishable: number;
  customer: number;
  seller: number;
  operator: number;
}

export type RateLimitTier = keyof RateLimitTiers;

const CHANGED = 'rate-limits:seller-quota-changed';

/**
 * Tier defaults and the operator's per-seller overrides. Overrides live in the database and are
 * cached per instance (the limiter reads them on every seller request); a change is broadcast on the
 * shared store so every instance drops its cached value at once.
 */
export function createRateLimitService(deps: {
  db: Kysely<Database>;
  store: SharedStore;
  logger: Logger;
  tiers: RateLimitTiers;
  /** Longest time an instance trusts a cached override if a broadcast was lost. */
  cacheTtlMs?: number;
}) {
  const { db, store, tiers } = deps;
  // `null` caches "no override" too, so sellers without one cost no query either.
  const overrides = new LRUCache<string, { value: number | null }>({
    max: 10_000,
    ttl: deps.cacheTtlMs ?? 30_000,
  });
  let generation = 0;

  const view = (sellerId: string, row: { requests_per_minute: number; updated_at: Date } | undefined) => ({
    seller_id: sellerId,
    requests_per_minute: row?.requests_per_minute ?? null,
    default_requests_per_minute: tiers.seller,
    effective_requests_per_minute: row?.requests_per_minute ?? tiers.seller,
    updated_at: row?.updated_at.toISOString() ?? null,
  });

  const changed = async (sellerId: string) => {
    overrides.delete(sellerId);
    generation++;
    await store
      .publish(CHANGED, sellerId)
      .catch((err) => deps.logger.warn({ err, sellerId }, 'could not broadcast a quota change'));
  };

  return {
    tiers,
    /** Starts listening for quota changes made on other instances. */
    async start() {
      await store.subscribe(CHANGED, (sellerId) => {
        generation++;
        overrides.delete(sellerId);
      });
    },
    /** Requests per minute for a seller: the override, else the seller tier. */
    async sellerQuota(sellerId: string): Promise<number> {
      const hit = overrides.get(sellerId);
      if (hit) return hit.value ?? tiers.seller;
      const started = generation;
      const row = await repo.findSellerQuota(db, sellerId);
      // A change broadcast while this read ran may not be in it: do not cache it then.
      if (generation === started) overrides.set(sellerId, { value: row?.requests_per_minute ?? null });
      return row?.requests_per_minute ?? tiers.seller;
    },
    /** The seller's quota as the operator sees it. */
    async get(sellerId: string) {
      return view(sellerId, await repo.findSellerQuota(db, sellerId));
    },
    /** Sets (a number) or clears (null) a seller's override; every instance applies it at once. */
    async set(sellerId: string, requestsPerMinute: number | null) {
      let row: Awaited<ReturnType<typeof repo.upsertSellerQuota>> | undefined;
      if (requestsPerMinute === null) await repo.deleteSellerQuota(db, sellerId);
      else row = await repo.upsertSellerQuota(db, sellerId, requestsPerMinute);
      await changed(sellerId);
      return view(sellerId, row);
    },
  };
}

export type RateLimitService = ReturnType<typeof createRateLimitService>;
