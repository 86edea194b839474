import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-db.js';
import { type DomainEvent, recordEvents } from '../events/index.js';
import { withCatalogCache } from './catalog.cache.js';
import type { CatalogService } from './catalog.service.js';

// Concurrent misses of one key in the catalog cache, with loads the test releases itself (over HTTP,
// an embedded database answers the first reader before the others arrive, so a herd cannot be made).
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

/** A catalog whose listing loads wait until the test lets them finish, numbered in call order. */
function heldCatalog() {
  const held: { release(text: string): void; fail(err: Error): void }[] = [];
  const catalog = {
    listProductsJson: () =>
      new Promise<string>((resolve, reject) => held.push({ release: resolve, fail: reject })),
  } as unknown as CatalogService;
  return { catalog, held };
}

/** Commits an outbox event: a change the cache drops everything for. */
async function commitChange(k: number) {
  const event = { type: 'probe.happened', aggregateType: 'probe', aggregateId: `p-${k}`, data: { k } };
  await db.container.database.db
    .transaction()
    .execute((trx) => recordEvents(trx, [event] as unknown as DomainEvent[]));
}

/** The cache around `catalog`, its position read; it polls no more during a test. */
async function startedCache(catalog: CatalogService) {
  const cache = withCatalogCache(catalog, {
    db: db.container.database.db,
    logger: db.container.logger,
    ttlMs: 60_000,
    pollMs: 60_000,
  });
  await cache.start();
  return cache;
}

const page = { limit: 5 } as Parameters<CatalogService['listProductsJson']>[0];
const tick = () => new Promise((r) => setImmediate(r));

describe('catalog cache misses', () => {
  it('load once for concurrent readers of one key, and never for a reader after a change', async () => {
    const { catalog, held } = heldCatalog();
    const cache = await startedCache(catalog);
    try {
      const herd = Array.from({ length: 8 }, () => cache.service.listProductsJson(page, 'query'));
      await tick();
      expect(held).toHaveLength(1);
      // A change lands while the load runs: a reader after it starts its own load, not the older one's.
      await commitChange(1);
      await cache.responses.catchUp();
      const after = cache.service.listProductsJson(page, 'query');
      await tick();
      expect(held).toHaveLength(2);
      held[0]?.release('{"before":true}');
      held[1]?.release('{"after":true}');
      expect(new Set(await Promise.all(herd))).toEqual(new Set(['{"before":true}']));
      expect(await after).toBe('{"after":true}');
      // What the older load read was not kept (it may predate the change); the newer one's was.
      expect(await cache.service.listProductsJson(page, 'query')).toBe('{"after":true}');
      expect(held).toHaveLength(2);
    } finally {
      cache.stop();
    }
  });

  it('hand a failed load to its readers, and load again for the next one', async () => {
    const { catalog, held } = heldCatalog();
    const cache = await startedCache(catalog);
    try {
      const herd = Array.from({ length: 3 }, () =>
        cache.service.listProductsJson(page, 'query').then(
          () => 'answered',
          (err: Error) => err.message,
        ),
      );
      await tick();
      held[0]?.fail(new Error('connection reset'));
      expect(await Promise.all(herd)).toEqual(Array(3).fill('connection reset'));
      const next = cache.service.listProductsJson(page, 'query');
      await tick();
      expect(held).toHaveLength(2);
      held[1]?.release('{"ok":true}');
      expect(await next).toBe('{"ok":true}');
    } finally {
      cache.stop();
    }
  });
});
