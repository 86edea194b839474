import { sql } from 'kysely';
import { register } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, serverUrl, type TestDatabase } from '../../test/support/test-db.js';
import { PREPARED_MARK } from './prepared.js';
import { databaseUnavailable } from './unreachable.js';

describe.skipIf(!serverUrl)('read lane (postgres)', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ env: { DATABASE_READ_CONNECTIONS: '2' } });
  });
  afterAll(() => t?.drop());

  const reads = () => t.container.database.reads;
  /** The lane's backends in this test's database, by pid. */
  const laneBackends = async () =>
    (
      await sql<{ pid: number }>`
        SELECT pid FROM pg_stat_activity
        WHERE application_name = 'souk-reads' AND datname = current_database() ORDER BY pid`.execute(
        t.container.database.db,
      )
    ).rows.map((r) => r.pid);

  it('is its own connections, not the pool', () => {
    expect(t.container.database.reads).not.toBe(t.container.database.db);
  });

  it('answers each of many statements sent at once with its own rows, over two connections', async () => {
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        i % 2 === 0
          ? reads()
              .executeQuery<{ n: number }>({
                sql: `${PREPARED_MARK}SELECT $1::int AS n`,
                parameters: [i],
                query: { kind: 'RawNode' },
              } as never)
              .then((r) => r.rows[0]?.n)
          : sql<{ s: string }>`SELECT ${`row ${i}`}::text AS s`.execute(reads()).then((r) => r.rows[0]?.s),
      ),
    );
    expect(answers).toEqual(Array.from({ length: 300 }, (_, i) => (i % 2 === 0 ? i : `row ${i}`)));
    expect(await laneBackends()).toHaveLength(2);
    // What the gauge reports: both open, no caller holding one once every answer is in.
    const gauge = await register.getSingleMetric('souk_db_read_lane_connections')?.get();
    const state = (name: string) => gauge?.values.find((v) => v.labels.state === name)?.value;
    expect(state('open')).toBeGreaterThanOrEqual(2);
    expect(state('in_use')).toBe(0);
  });

  it('fails a failing statement alone, not those sent around it', async () => {
    const settled = await Promise.allSettled(
      [1, 0, 2, 3].map((d) => sql<{ q: number }>`SELECT 6 / ${d}::int AS q`.execute(reads())),
    );
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((settled[1] as PromiseRejectedResult).reason).toMatchObject({ code: '22012' });
    expect(settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value.rows[0]?.q] : []))).toEqual([6, 3, 2]);
  });

  it('refuses transactions and session settings, which would outlive the statement', async () => {
    await expect(
      reads()
        .transaction()
        .execute(async (trx) => sql`SELECT 1`.execute(trx)),
    ).rejects.toThrow(/single statements only/);
    await expect(sql`SET statement_timeout = 1`.execute(reads())).rejects.toThrow(/single statements only/);
    await expect(sql`/* x */ LOCK TABLE products`.execute(reads())).rejects.toThrow(/single statements only/);
    // The connections are still usable, without a setting left behind: the lane's own limit (the
    // default DATABASE_READ_TIMEOUT_MS), not the refused SET's.
    const { rows } = await sql<{ t: string }>`SELECT current_setting('statement_timeout') AS t`.execute(
      reads(),
    );
    expect(rows[0]?.t).toBe('5s');
  });

  it('answers the first read after the server closed its connections, on new ones', async () => {
    await Promise.all([sql`SELECT 1`.execute(reads()), sql`SELECT 1`.execute(reads())]);
    const before = await laneBackends();
    expect(before).toHaveLength(2);
    await sql`SELECT pg_terminate_backend(pid) FROM unnest(${before}::int[]) AS pid`.execute(
      t.container.database.db,
    );
    // No wait for the clients to notice: a read that meets a dead connection is sent again on a new one.
    const answers = await Promise.all(
      [7, 8, 9].map((n) =>
        sql<{ n: number }>`SELECT ${n}::int AS n`.execute(reads()).then((r) => r.rows[0]?.n),
      ),
    );
    expect(answers).toEqual([7, 8, 9]);
    const after = await laneBackends();
    expect(after.length).toBeGreaterThan(0);
    expect(after.some((pid) => before.includes(pid))).toBe(false);
  });
});

describe.skipIf(!serverUrl)('read lane statement timeout (postgres)', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({
      env: { DATABASE_READ_CONNECTIONS: '1', DATABASE_READ_TIMEOUT_MS: '300' },
    });
  });
  afterAll(() => t?.drop());

  it('ends a slow statement, so the reads pipelined behind it are answered, and answers it 503', async () => {
    const reads = t.container.database.reads;
    await sql`SELECT 1`.execute(reads);
    const started = performance.now();
    // One connection: the second statement is written behind the first and waits for it.
    const slow = sql`SELECT pg_sleep(10)`.execute(reads);
    const behind = sql<{ n: number }>`SELECT 7::int AS n`.execute(reads).then((r) => ({
      n: r.rows[0]?.n,
      ms: performance.now() - started,
    }));
    const failure = await slow.then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(failure).toMatchObject({ code: '57014' });
    const answered = await behind;
    expect(answered.n).toBe(7);
    // Without the limit it would have waited the whole 10 s.
    expect(answered.ms).toBeLessThan(3000);
    expect(databaseUnavailable(failure)).toMatchObject({ code: 'service_unavailable', status: 503 });
    // The lane's limit only: the pool's statements may run longer (checkout waits on a hot row).
    await expect(sql`SELECT pg_sleep(0.5)`.execute(t.container.database.db)).resolves.toBeDefined();
  });
});

describe.skipIf(serverUrl)('read lane (embedded)', () => {
  it('is the database itself: PGlite has no connections to share', async () => {
    const t = await createTestDatabase();
    try {
      expect(t.container.database.reads).toBe(t.container.database.db);
    } finally {
      await t.drop();
    }
  });
});
