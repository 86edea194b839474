import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-db.js';
import { AppError } from '../errors.js';
import { createIdempotency, hashRequest, purgeIdempotencyKeys } from './idempotency.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());
const db = () => t.container.database.db;

describe('idempotency records', () => {
  it('hash the same JSON the same way whatever the key order', () => {
    expect(hashRequest({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(
      hashRequest({ b: { d: 'x', c: [1, 2] }, a: 1 }),
    );
    expect(hashRequest({ a: 1 })).not.toBe(hashRequest({ a: 2 }));
  });

  it('run the work once, replay it, and free the key when the work fails for a reason of ours', async () => {
    const run = createIdempotency({ db: db() });
    let runs = 0;
    const request = { scope: 'k1:POST /x', key: 'key-1', operation: 'op', body: { n: 1 } };
    const first = await run(request, async () => ({ status: 201, body: { n: ++runs } }));
    const again = await run(request, async () => ({ status: 201, body: { n: ++runs } }));
    expect([first.replayed, again.replayed, again.body, runs]).toEqual([false, true, { n: 1 }, 1]);

    const failing = { ...request, key: 'key-2' };
    await expect(
      run(failing, async () => {
        throw new Error('database hiccup');
      }),
    ).rejects.toThrow('database hiccup');
    const retried = await run(failing, async () => ({ status: 201, body: { n: ++runs } }));
    expect(retried.replayed).toBe(false); // the failed attempt did not pin the key

    const declined = { ...request, key: 'key-3' };
    const decline = () =>
      run(declined, async () => {
        throw new AppError('payment_declined', 'The card was declined.');
      });
    await expect(decline()).rejects.toMatchObject({ code: 'payment_declined' });
    await expect(decline()).rejects.toMatchObject({
      code: 'payment_declined',
      extra: { headers: { 'Idempotent-Replayed': 'true' } },
    });
  });

  it('are purged once old, completed or abandoned, and kept while fresh', async () => {
    await db()
      .insertInto('idempotency_keys')
      .values([
        {
          scope: 's',
          key: 'old-done',
          operation: 'op',
          request_hash: 'h',
          status: 'completed',
          response_status: 201,
          response_body: '{}',
          created_at: sql<Date>`now() - interval '2 days'` as never,
          locked_until: sql<Date>`now()` as never,
        },
        {
          scope: 's',
          key: 'old-stuck',
          operation: 'op',
          request_hash: 'h',
          status: 'in_progress',
          created_at: sql<Date>`now() - interval '2 days'` as never,
          locked_until: sql<Date>`now() - interval '1 day'` as never,
        },
        {
          scope: 's',
          key: 'fresh',
          operation: 'op',
          request_hash: 'h',
          status: 'completed',
          response_status: 201,
          response_body: '{}',
          locked_until: sql<Date>`now()` as never,
        },
      ])
      .execute();
    expect(await purgeIdempotencyKeys(db(), 24 * 3_600_000)).toBe(2);
    const left = await db().selectFrom('idempotency_keys').select('key').where('scope', '=', 's').execute();
    expect(left.map((r) => r.key)).toEqual(['fresh']);
  });
});
