import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, serverUrl, type TestDatabase } from '../../test/support/test-db.js';
import { seedDemo } from '../seed/seed.js';
import { PREPARED_MARK, preparedStatement } from './prepared.js';

// Named statements are a property of the pg driver (PGlite runs every statement in process).
describe.skipIf(!serverUrl)('prepared catalog reads (postgres)', () => {
  let t: TestDatabase;
  // The catalog reads on one connection of the read lane, so pg_prepared_statements (per session),
  // read on that connection too, sees what they prepared.
  beforeAll(async () => {
    t = await createTestDatabase({ env: { DATABASE_READ_CONNECTIONS: '1' } });
    await seedDemo(t.container.database.db);
  });
  afterAll(() => t?.drop());

  const prepared = async () =>
    (
      await sql<{ statement: string; generic_plans: number; custom_plans: number }>`
        SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements`.execute(
        t.container.database.reads,
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
    // Each listing's page without bodies (run every time) and with them (run once, cold: the API then
    // holds the bodies by version), and the detail.
    expect(statements).toHaveLength(5);
    const runs = (s: (typeof statements)[number]) => Number(s.generic_plans) + Number(s.custom_plans);
    expect(statements.filter((s) => runs(s) === 1)).toHaveLength(2);
    for (const s of statements) {
      expect(s.statement.startsWith(PREPARED_MARK)).toBe(true);
      if (runs(s) === 1) continue;
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

describe('preparedStatement', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await seedDemo(t.container.database.db);
  });
  afterAll(() => t?.drop());

  it('builds and compiles once, then sends each call its own parameters beside the constants', async () => {
    const { db } = t.container.database;
    let builds = 0;
    const byHandle = preparedStatement((d: typeof db, p: { handle: string; limit: number }) => {
      builds++;
      return d
        .selectFrom('sellers')
        .select(['id', 'handle', sql<string>`${'constant'}::text`.as('label')])
        .where('handle', '=', p.handle)
        .where('status', '=', 'active')
        .limit(p.limit);
    });
    const sellers = await db.selectFrom('sellers').select(['handle']).orderBy('handle').limit(2).execute();
    expect(sellers).toHaveLength(2);
    for (const { handle } of sellers) {
      const { rows } = await byHandle(db, { handle, limit: 1 });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ handle, label: 'constant' });
    }
    expect((await byHandle(db, { handle: 'no-such-seller', limit: 1 })).rows).toEqual([]);
    expect(builds).toBe(1);
  });

  it('takes a sql template, and one parameter used twice fills both places', async () => {
    const { db } = t.container.database;
    const pair = preparedStatement(
      (_d: typeof db, p: { a: string; ids: string[] }) =>
        sql<{ a: string; again: string; n: number }>`SELECT ${p.a}::text AS a, ${p.a}::text AS again,
        cardinality(${p.ids}::text[]) AS n`,
    );
    expect((await pair(db, { a: 'x', ids: ['1', '2', '3'] })).rows).toEqual([{ a: 'x', again: 'x', n: 3 }]);
    expect((await pair(db, { a: 'y', ids: [] })).rows).toEqual([{ a: 'y', again: 'y', n: 0 }]);
  });

  it('refuses a builder that changes a parameter instead of passing it on', () => {
    const { db } = t.container.database;
    const changed = preparedStatement((d: typeof db, p: { ms: number }) =>
      d.selectNoFrom(sql<string>`${`${p.ms} milliseconds`}::interval`.as('i')),
    );
    // Thrown on first use, before anything is sent (the callers' `await` turns it into a rejection).
    expect(() => changed(db, { ms: 5 })).toThrow(/transformed/);
  });
});
