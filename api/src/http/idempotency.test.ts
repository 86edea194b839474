import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-db.js';
import { AppError } from '../errors.js';
import { createIdempotency, hashRequest, type WriteRequest } from './idempotency.js';
import { purgeIdempotencyKeys } from './idempotency.repository.js';
import { createReplaySeal } from './idempotency.seal.js';

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
    const { run } = createIdempotency({ db: db(), seal: createReplaySeal(randomBytes(32)) });
    let runs = 0;
    const request = (key: string): WriteRequest => ({
      operationId: 'op',
      method: 'POST',
      path: '/x',
      body: { n: 1 },
      headers: { 'idempotency-key': key },
      principal: { kind: 'operator', keyId: 'k1' },
    });
    const first = await run(request('key-1'), 201, async () => ({ n: ++runs }));
    const again = await run(request('key-1'), 201, async () => ({ n: ++runs }));
    expect([first.headers, again.headers, again.body, runs]).toEqual([
      undefined,
      { 'Idempotent-Replayed': 'true' },
      { n: 1 },
      1,
    ]);

    await expect(
      run(request('key-2'), 201, async () => {
        throw new Error('database hiccup');
      }),
    ).rejects.toThrow('database hiccup');
    const retried = await run(request('key-2'), 201, async () => ({ n: ++runs }));
    expect(retried.headers).toBeUndefined(); // the failed attempt did not pin the key

    const decline = () =>
      run(request('key-3'), 201, async () => {
        throw new AppError('payment_declined', 'The card was declined.');
      });
    await expect(decline()).rejects.toMatchObject({ code: 'payment_declined' });
    await expect(decline()).rejects.toMatchObject({
      code: 'payment_declined',
      extra: { headers: { 'Idempotent-Replayed': 'true' } },
    });
  });

  it('run the declared undo steps when the work fails, and not when it commits', async () => {
    const { run } = createIdempotency({ db: db(), seal: createReplaySeal(randomBytes(32)) });
    const undone: string[] = [];
    const request = {
      operationId: 'op',
      method: 'POST',
      path: '/y',
      body: {},
      headers: {},
      principal: { kind: 'anonymous' } as const,
    };
    await run(request, 201, async (_trx, steps) => {
      steps.onAbort(async () => undone.push('kept'));
      return {};
    });
    await expect(
      run(request, 201, async (_trx, steps) => {
        steps.onAbort(async () => undone.push('first'));
        steps.onAbort(async () => undone.push('second'));
        throw new AppError('out_of_stock', 'gone');
      }),
    ).rejects.toMatchObject({ code: 'out_of_stock' });
    expect(undone).toEqual(['second', 'first']);
  });

  it('run the after-commit steps once the transaction has committed, in order, and never after a failure', async () => {
    const { transaction } = createIdempotency({ db: db(), seal: createReplaySeal(randomBytes(32)) });
    const seen: string[] = [];
    const committedKey = async () =>
      (await db().selectFrom('idempotency_keys').select('key').where('key', '=', 'after-commit').execute())
        .length;
    await transaction(async (trx, steps) => {
      await trx
        .insertInto('idempotency_keys')
        .values({
          scope: 's',
          key: 'after-commit',
          operation: 'op',
          request_hash: 'h',
          status: 'in_progress',
          locked_until: new Date(),
        })
        .execute();
      // Another connection sees the row only after the commit: the step must run after it.
      steps.onCommit(async () => {
        seen.push(`first:${await committedKey()}`);
      });
      steps.onCommit(async () => {
        seen.push('second');
      });
      expect(seen).toEqual([]);
    });
    expect(seen).toEqual(['first:1', 'second']);
    await expect(
      transaction(async (_trx, steps) => {
        steps.onCommit(async () => {
          seen.push('never');
        });
        throw new AppError('out_of_stock', 'gone');
      }),
    ).rejects.toMatchObject({ code: 'out_of_stock' });
    expect(seen).toEqual(['first:1', 'second']);
    await db().deleteFrom('idempotency_keys').where('key', '=', 'after-commit').execute();
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
