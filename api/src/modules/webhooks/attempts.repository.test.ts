import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-db.js';
import { insertEndpoints } from '../../../test/support/webhook-endpoints.js';
import { type AttemptRecord, settleAndClaim } from './attempts.repository.js';

describe('settleAndClaim: the next run of an endpoint a worker holds (claimed ahead)', () => {
  let tdb: TestDatabase;
  const db = () => tdb.container.database.db;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    await insertEndpoints(db(), { a: 'https://a.test/in', b: 'https://b.test/in' });
    // Six deliveries for a, three for b, due, in event order.
    await sql`
      INSERT INTO webhook_deliveries
        (id, endpoint_id, event_id, event_type, event_position, payload, status, next_attempt_at)
      SELECT 'whd_' || e || g, 'whe_' || e, 'evt_' || e || g, 'product.updated', g,
        jsonb_build_object('id', 'evt_' || e || g), 'pending', now() - interval '1 minute'
      FROM (VALUES ('a', 6), ('b', 3)) AS t(e, n), generate_series(1, t.n) g
    `.execute(db());
  }, 60_000);
  afterAll(async () => {
    await tdb?.drop();
  });

  const at = (ms: number) => new Date(Date.now() + ms);
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
  const success = (deliveryId: string): AttemptRecord => ({
    deliveryId,
    number: 1,
    startedAt: new Date(),
    statusCode: 200,
    latencyMs: 1,
    excerpt: 'ok',
    error: null,
  });

  it('takes the runs after the held one, in order, only while the run it follows still holds its lock', async () => {
    const held = at(60_000);
    const ahead = at(120_000);
    const first = await settleAndClaim(db(), {
      succeeded: [],
      limit: 2,
      now: new Date(),
      lockUntil: held,
      perEndpoint: 2,
    });
    expect(ids(first)).toEqual(['whd_a1', 'whd_a2', 'whd_b1', 'whd_b2']);
    // Held endpoints are not claimed afresh.
    const fresh = await settleAndClaim(db(), {
      succeeded: [],
      limit: 2,
      now: new Date(),
      lockUntil: held,
      perEndpoint: 2,
    });
    expect(fresh).toEqual([]);
    // a is held under `held`; b is named with a lock it does not hold (another worker's run): nothing.
    const next = await settleAndClaim(db(), {
      succeeded: [],
      limit: 0,
      now: new Date(),
      lockUntil: held,
      perEndpoint: 2,
      ahead: [
        { endpointId: 'whe_a', heldUntil: held },
        { endpointId: 'whe_b', heldUntil: new Date(held.getTime() + 1) },
      ],
      aheadLockUntil: ahead,
    });
    expect(ids(next)).toEqual(['whd_a3', 'whd_a4']);
    expect(next[0]?.secrets).toEqual(['whsec_a']);
    const locks = await db()
      .selectFrom('webhook_deliveries')
      .select(['id', 'locked_until'])
      .where('id', 'in', ['whd_a3', 'whd_a4'])
      .execute();
    expect(locks.map((l) => l.locked_until?.getTime())).toEqual([ahead.getTime(), ahead.getTime()]);
    // Claimed deliveries are skipped: the one after follows them.
    const after = await settleAndClaim(db(), {
      succeeded: [],
      limit: 0,
      now: new Date(),
      lockUntil: held,
      perEndpoint: 1,
      ahead: [{ endpointId: 'whe_a', heldUntil: ahead }],
      aheadLockUntil: ahead,
    });
    expect(ids(after)).toEqual(['whd_a5']);
    // Once a's first run is recorded its lock no longer holds anything: no claim ahead on it.
    const recorded = await settleAndClaim(db(), {
      succeeded: [success('whd_a1'), success('whd_a2')],
      limit: 0,
      now: new Date(),
      lockUntil: held,
      perEndpoint: 2,
      ahead: [{ endpointId: 'whe_a', heldUntil: held }],
      aheadLockUntil: ahead,
    });
    expect(recorded).toEqual([]);
    // Nor on a lock that has ended (the worker may no longer hold the endpoint).
    const ended = await settleAndClaim(db(), {
      succeeded: [],
      limit: 0,
      now: at(130_000),
      lockUntil: at(200_000),
      perEndpoint: 2,
      ahead: [{ endpointId: 'whe_b', heldUntil: held }],
      aheadLockUntil: at(200_000),
    });
    expect(ended).toEqual([]);
  });
});
