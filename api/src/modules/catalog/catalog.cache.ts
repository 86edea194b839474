import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Logger } from '../../lib/logger.js';
import { createReadCache } from '../../lib/read-cache.js';
import { latestEventPosition } from '../events/index.js';
import type { CatalogService } from './catalog.service.js';

export interface CatalogCacheOptions {
  db: Kysely<Database>;
  logger: Logger;
  /** Longest time a cached page is served (0 disables the cache). */
  ttlMs: number;
  /** How often the outbox is checked for committed changes. */
  pollMs: number;
}

/**
 * Caches the storefront catalog reads in process. Every committed change of the marketplace writes
 * an outbox event, so the cache watches the newest event position (one indexed query per `pollMs`,
 * whatever the traffic) and drops everything when it moves. This works across API instances, since
 * they share the outbox; a reader sees a change at most `pollMs` (and never more than `ttlMs`) late.
 */
export function withCatalogCache(catalog: CatalogService, options: CatalogCacheOptions) {
  const cache = createReadCache<unknown>({ ttlMs: options.ttlMs, maxEntries: 2_000 });
  const responses = createReadCache<string>({ ttlMs: options.ttlMs, maxEntries: 2_000 });
  let seen: number | undefined;
  let failing = false;
  const check = async () => {
    try {
      const position = await latestEventPosition(options.db);
      if (position !== seen) {
        cache.invalidate();
        responses.invalidate();
      }
      seen = position;
      failing = false;
    } catch (err) {
      // Without the watcher the cache could go stale: drop it and log once per outage.
      cache.invalidate();
      responses.invalidate();
      seen = undefined;
      if (!failing)
        options.logger.warn({ err }, 'catalog cache: cannot read the outbox position; not caching');
      failing = true;
    }
  };
  const timer = options.ttlMs > 0 ? setInterval(check, options.pollMs) : undefined;
  timer?.unref();
  const cached = <T>(key: string, load: () => Promise<T>) =>
    failing || seen === undefined ? load() : (cache.get(key, load) as Promise<T>);

  const service: CatalogService = {
    listProducts: (input, source) =>
      cached(`list:${source ?? 'query'}:${JSON.stringify(input)}`, () => catalog.listProducts(input, source)),
    getProduct: (idOrHandle, currency) =>
      cached(`product:${idOrHandle}:${currency ?? ''}`, () => catalog.getProduct(idOrHandle, currency)),
    listCategories: () => cached('categories', () => catalog.listCategories()),
    getSeller: (idOrHandle) => cached(`seller:${idOrHandle}`, () => catalog.getSeller(idOrHandle)),
  };
  const usable = () => !failing && seen !== undefined;
  return {
    service,
    /**
     * Whole JSON responses of cacheable GETs by URL, dropped together with the service cache. Serving
     * from it skips parsing, validation and the handler: a URL that was valid and answered 200 gives the
     * same answer until the catalog changes.
     */
    responses: {
      get: (url: string) => (usable() ? responses.peek(url) : undefined),
      since: () => responses.generation(),
      put: (url: string, json: string, since: number) => {
        if (usable()) responses.put(url, json, since);
      },
    },
    /** Reads the outbox position once now (so caching starts without waiting a poll). */
    start: check,
    stop: () => clearInterval(timer),
    stats: cache.stats,
  };
}
