import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDriver } from '../../test/support/test-db.js';
import { refreshPriceRanges } from '../modules/catalog/index.js';
import { seedDemo } from '../seed/seed.js';
import { openDatabase } from './database.js';
import { migrateToLatest, pendingMigrations } from './migrate.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());
const db = () => t.container.database.db;

describe(`database port (${testDriver})`, () => {
  it('applies migrations once', async () => {
    expect(await migrateToLatest(db())).toEqual([]);
    expect(await pendingMigrations(db())).toEqual([]);
  });

  it('reads int8 as a number and refuses values beyond 2^53', async () => {
    const ok = await sql<{ n: number }>`SELECT 9007199254740991::bigint AS n`.execute(db());
    expect(ok.rows[0]?.n).toBe(Number.MAX_SAFE_INTEGER);
    await expect(sql`SELECT 9007199254740993::bigint AS n`.execute(db())).rejects.toThrow(/safe integer/);
  });

  it('seeds the demo catalog once, deterministically, with the promised sizes', async () => {
    const first = await seedDemo(db());
    expect(first.seeded).toBe(true);
    expect(first.counts.sellers).toBeGreaterThanOrEqual(3);
    expect(first.counts.categories).toBeGreaterThanOrEqual(20);
    expect(first.counts.products).toBe(500);
    expect(first.counts.variants).toBeGreaterThanOrEqual(1500);
    expect((await seedDemo(db())).seeded).toBe(false);
    const currencies = await db()
      .selectFrom('variant_prices')
      .select('currency')
      .distinct()
      .orderBy('currency')
      .execute();
    expect(currencies.map((c) => c.currency)).toEqual(['EUR', 'USD']);
  });

  it('keeps concurrent transactions apart: a rollback never takes a committed neighbour with it', async () => {
    const insert = (trx: typeof db extends () => infer D ? D : never, id: string) =>
      trx
        .insertInto('sellers')
        .values({ id, handle: id.replace('_', '-'), name: id, status: 'active' })
        .execute();
    let releaseA!: () => void;
    const aInserted = new Promise<void>((resolve) => {
      releaseA = resolve;
    });
    let aFinished = false;
    const a = db()
      .transaction()
      .execute(async (trx) => {
        await insert(trx, 'sel_a');
        await aInserted;
        aFinished = true;
      });
    const b = db()
      .transaction()
      .execute(async (trx) => {
        await insert(trx, 'sel_b');
        const seen = await trx
          .selectFrom('sellers')
          .select('id')
          .where('id', 'in', ['sel_a', 'sel_b'])
          .execute();
        // PostgreSQL runs B beside A; PGlite has one session and queues B until A is done. Either way
        // B never sees A's row before A is finished.
        if (!aFinished) expect(seen.map((r) => r.id)).toEqual(['sel_b']);
        throw new Error('roll back B');
      })
      .catch((err: Error) => err.message);
    setTimeout(releaseA, 200);
    expect(await b).toBe('roll back B');
    await a;
    const rows = await db()
      .selectFrom('sellers')
      .select('id')
      .where('id', 'in', ['sel_a', 'sel_b'])
      .execute();
    expect(rows.map((r) => r.id)).toEqual(['sel_a']);
  });

  it('keeps product price ranges equal to the min and max of variant prices', async () => {
    const expected = await sql<{ product_id: string; currency: string; min: number; max: number }>`
      SELECT product_id, currency, min(amount) AS min, max(amount) AS max FROM variant_prices GROUP BY 1, 2 ORDER BY 1, 2
    `.execute(db());
    const ranges = await db()
      .selectFrom('product_price_ranges')
      .select(['product_id', 'currency', 'min_amount as min', 'max_amount as max'])
      .orderBy('product_id')
      .orderBy('currency')
      .execute();
    expect(ranges).toEqual(expected.rows);
    // Change one price and refresh: the range follows.
    const first = expected.rows[0];
    await db()
      .updateTable('variant_prices')
      .set({ amount: 1 })
      .where('product_id', '=', first?.product_id ?? '')
      .where('currency', '=', first?.currency ?? '')
      .execute();
    await refreshPriceRanges(db(), [first?.product_id ?? '']);
    const after = await db()
      .selectFrom('product_price_ranges')
      .select(['min_amount', 'max_amount'])
      .where('product_id', '=', first?.product_id ?? '')
      .where('currency', '=', first?.currency ?? '')
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ min_amount: 1, max_amount: 1 });
  });
});

describe.skipIf(testDriver !== 'pglite')('embedded PGlite', () => {
  it('keeps its data in the data directory across restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'souk-pglite-'));
    try {
      const first = await openDatabase({ pgliteDir: dir });
      await migrateToLatest(first.db);
      await first.db
        .insertInto('sellers')
        .values({ id: 'sel_keep', handle: 'keep', name: 'Keep', status: 'active' })
        .execute();
      await first.destroy();
      const second = await openDatabase({ pgliteDir: dir });
      expect(await pendingMigrations(second.db)).toEqual([]);
      const row = await second.db
        .selectFrom('sellers')
        .select('name')
        .where('id', '=', 'sel_keep')
        .executeTakeFirst();
      await second.destroy();
      expect(row?.name).toBe('Keep');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
