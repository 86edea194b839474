import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Database } from '../../db/schema.js';
import type { Logger } from '../../lib/logger.js';
import { createSingleFlight } from '../../lib/single-flight.js';
import type { SharedStore } from '../../shared-store/index.js';
import { latestEventPosition } from '../events/index.js';
import type { CatalogService } from './catalog.service.js';

export interface CatalogCacheOptions {
  db: Kysely<Database>;
  logger: Logger;
  /** Longest time a cached page is served (0 disables the cache). */
  ttlMs: number;
  /** How often the outbox is checked for committed changes. */
  pollMs: number;
  /** With Redis, whole responses are shared by every instance (a cold instance serves warm pages). */
  store?: SharedStore;
  maxEntries?: number;
}

/**
 * Caches the storefront catalog reads. Every committed change of the marketplace writes an outbox
 * event, so the cache watches the newest event position (one indexed query per `pollMs`, whatever
 * the traffic) and drops everything when it moves. This works across API instances, since they share
 * the outbox; a reader sees a change at most `pollMs` (and never more than `ttlMs`) late.
 *
 * Two tiers: bounded in-process LRU caches (service results and whole responses), and with Redis a
 * shared tier of whole responses keyed by the outbox position they were computed at — a page
 * computed after position P is valid for every instance that has seen P, and entries of older
 * positions are never read again (they expire on their TTL), so no cross-instance invalidation
 * message can be lost.
 */
export function withCatalogCache(catalog: CatalogService, options: CatalogCacheOptions) {
  const max = options.maxEntries ?? 2_000;
  const ttl = Math.max(1, options.ttlMs);
  const values = new LRUCache<string, { value: unknown }>({ max, ttl });
  // Encoded once: a hit is written to the socket as it is, not encoded to UTF-8 again on every request.
  const responses = new LRUCache<string, Buffer>({ max, ttl });
  // Whole GraphQL results of public catalog queries (graphql/response-cache.ts), as computed.
  const results = new LRUCache<string, object>({ max, ttl });
  const shared = options.store?.kind === 'redis' && options.ttlMs > 0 ? options.store : undefined;
  // Moves on every invalidation: a value computed across one is not stored (it may predate the change).
  let generation = 0;
  let seen: number | undefined;
  let failing = false;
  const invalidate = () => {
    generation++;
    values.clear();
    responses.clear();
    results.clear();
  };
  const check = async () => {
    try {
      const position = await latestEventPosition(options.db);
      if (position !== seen) invalidate();
      seen = position;
      failing = false;
    } catch (err) {
      // Without the watcher the cache could go stale: drop it and log once per outage.
      invalidate();
      seen = undefined;
      if (!failing)
        options.logger.warn({ err }, 'catalog cache: cannot read the outbox position; not caching');
      failing = true;
    }
  };
  // One read at a time: a slow read finishing after a newer one would take `seen` back and drop the
  // cache twice.
  let reading: Promise<void> | undefined;
  const poll = () => {
    reading ??= check().finally(() => {
      reading = undefined;
    });
    return reading;
  };
  const catchUp = async () => {
    await reading; // it may have read the position before the caller's write
    await poll();
  };
  const timer = options.ttlMs > 0 ? setInterval(poll, options.pollMs) : undefined;
  timer?.unref();
  const usable = () => options.ttlMs > 0 && !failing && seen !== undefined;

  // Loads under way, by generation and key: concurrent misses of one key share one load. Every
  // committed change drops the whole cache, so with orders coming in, each poll is followed by a herd
  // of readers of the same pages. A reader joins only a load started in its own generation, never one
  // that may predate a change it has seen.
  const flights = createSingleFlight<string, unknown>();
  const cached = async <T>(key: string, load: () => Promise<T>): Promise<T> => {
    if (!usable()) return load();
    const hit = values.get(key);
    if (hit) return hit.value as T;
    const started = generation;
    return flights(`${started}:${key}`, async () => {
      const value = await load();
      if (generation === started) values.set(key, { value });
      return value;
    }) as Promise<T>;
  };

  const service: CatalogService = {
    listProductsJson: (input, source) =>
      cached(`list:${source ?? 'query'}:${JSON.stringify(input)}`, () =>
        catalog.listProductsJson(input, source),
      ),
    listProducts: async (input, source) =>
      JSON.parse((await service.listProductsJson(input, source)).toString()),
    getProductJson: (idOrHandle, currency) =>
      cached(`product:${idOrHandle}:${currency ?? ''}`, () => catalog.getProductJson(idOrHandle, currency)),
    getProduct: async (idOrHandle, currency) =>
      JSON.parse(await service.getProductJson(idOrHandle, currency)),
    listCategories: () => cached('categories', () => catalog.listCategories()),
    getSeller: (idOrHandle) => cached(`seller:${idOrHandle}`, () => catalog.getSeller(idOrHandle)),
    listProductEdges: (input, source) =>
      cached(`edges:${source ?? 'query'}:${JSON.stringify(input)}`, () =>
        catalog.listProductEdges(input, source),
      ),
    getProductsByIds: (ids, currency) =>
      cached(`products:${currency ?? ''}:${ids.join(',')}`, () => catalog.getProductsByIds(ids, currency)),
    getSellers: (idsOrHandles) =>
      cached(`sellers:${idsOrHandles.join(',')}`, () => catalog.getSellers(idsOrHandles)),
  };
  const sharedKey = (url: string) => `catalog:${seen}:${url}`;

  return {
    service,
    /**
     * Whole JSON responses of cacheable GETs by URL (UTF-8 bytes), dropped together with the service cache. Serving
     * from it skips parsing, validation and the handler: a URL that was valid and answered 200 gives the
     * same answer until the catalog changes.
     */
    responses: {
      // An in-process hit is returned as it is, not wrapped in a promise (the hot path of a storefront).
      get: (url: string): Buffer | undefined | Promise<Buffer | undefined> => {
        if (!usable()) return undefined;
        const local = responses.get(url);
        if (local !== undefined || !shared) return local;
        const started = generation;
        return shared.get(sharedKey(url)).then(
          (remote) => {
            if (remote === undefined) return undefined;
            const bytes = Buffer.from(remote);
            if (generation === started) responses.set(url, bytes);
            return bytes;
          },
          () => undefined,
        );
      },
      since: () => generation,
      /**
       * Reads the outbox position now rather than at the next poll: after it, nothing committed
       * before the call is served from the cache (a caller that has just written and must read it).
       */
      catchUp,
      /** Keeps a response; returns the bytes kept (undefined when not kept: stale or cache off). */
      put: (url: string, json: string | Buffer, since: number): Buffer | undefined => {
        if (!usable() || generation !== since) return undefined;
        const bytes = typeof json === 'string' ? Buffer.from(json) : json;
        responses.set(url, bytes);
        shared
          ?.set(sharedKey(url), typeof json === 'string' ? json : json.toString(), options.ttlMs, {
            ifAbsent: true,
          })
          .catch((err) => options.logger.debug({ err }, 'catalog cache: shared write failed'));
        return bytes;
      },
    },
    /**
     * Whole GraphQL results by a key of the operation (graphql/response-cache.ts), dropped with the
     * rest: the same TTL, the same invalidation, and off when `ttlMs` is 0.
     */
    results: {
      get: async (key: string): Promise<object | undefined> => (usable() ? results.get(key) : undefined),
      since: () => generation,
      put: (key: string, result: object, since: number) => {
        if (usable() && generation === since) results.set(key, result);
      },
    },
    /** Reads the outbox position once now (so caching starts without waiting a poll). */
    start: poll,
    stop: () => clearInterval(timer),
    stats: () => ({ size: values.size, responses: responses.size, results: results.size }),
  };
}
