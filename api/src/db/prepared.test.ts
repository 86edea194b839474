import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, serverUrl, type TestDatabase } from '../../test/support/test-db.js';
import { seedDemo } from '../seed/seed.js';
import { PREPARED_MARK } from './prepared.js';

// Named statements are a property of the pg driver (PGlite runs every statement in process).
describe.skipIf(!serverUrl)('prepared catalog reads (postgres)', () => {
  let t: TestDatabase;
  // One pooled connection, so pg_prepared_statements (per session) sees what the reads prepared.
  beforeAll(async () => {
    t = await createTestDatabase({ env: { DATABASE_POOL_SIZE: '1' } });
    await seedDemo(t.container.database.db);
  });
  afterAll(() => t?.drop());

  const prepared = async () =>
    (
      await sql<{ statement: string; generic_plans: number; custom_plans: number }>`
        SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements`.execute(
        t.container.database.db,
      )
    ).rows;

  it('prepares the listing, search and detail once each and reuses one generic plan', async () => {
    const { catalog } = t.container;
    const first = await catalog.listProducts({ limit: 20 });
    const id = first.data[0]?.id ?? '';
    for (let i = 0; i < 8; i++) {
      await catalog.listProducts({ limit: 20 });
      await catalog.listProducts({ limit: 20, q: 'boot', category: 'footwear' });
      await catalog.getProduct(id, undefined);
    }
    const statements = await prepared();
    expect(statements).toHaveLength(3);
    for (const s of statements) {
      expect(s.statement.startsWith(PREPARED_MARK)).toBe(true);
      // Planned a few times as the server weighs custom plans, then the cached generic plan only.
      expect(Number(s.generic_plans)).toBeGreaterThanOrEqual(3);
      expect(Number(s.custom_plans)).toBeLessThanOrEqual(6);
    }
  });

  it('leaves statements with an id list of varying length unprepared', async () => {
    const ids = (await t.container.catalog.listProducts({ limit: 5 })).data.map((p) => p.id);
    const before = (await prepared()).length;
    for (let n = 1; n <= ids.length; n++) await t.container.catalog.getProductsByIds(ids.slice(0, n), 'USD');
    expect((await prepared()).length).toBe(before);
  });
});
