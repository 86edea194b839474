import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventEnv, kafkaBrokers, startReceiver, waitFor } from '../../../api/test/support/events.js';
import { checkEvent, type EventEnvelope } from '../../../api/test/support/spec-validator.js';
import { createTestDatabase, type TestDatabase } from '../../../api/test/support/test-db.js';
import { MAX_ATTEMPTS, nextAttemptAt, RETRY_DELAYS_SEC } from '../src/schedule.js';
import { signatureHeader } from '../src/signature.js';

const sample = JSON.parse(
  readFileSync(new URL('fixtures/seller_order.placed.json', import.meta.url), 'utf8'),
) as EventEnvelope & { seller_id: string; data: { order_id: string } };

describe('webhooks: signature and retry schedule', () => {
  it('signs t.body with every active secret', () => {
    const header = signatureHeader('{"a":1}', ['whsec_new', 'whsec_old'], 1_700_000_000);
    const hmac = (k: string) => createHmac('sha256', k).update('1700000000.{"a":1}').digest('hex');
    expect(header).toBe(`t=1700000000,v1=${hmac('whsec_new')},v1=${hmac('whsec_old')}`);
  });

  it('retries 12 times over at least 3 days (so the endpoint is disabled before it gives up) and at most 4', () => {
    expect(MAX_ATTEMPTS).toBe(13);
    const now = new Date(0);
    for (const random of [() => 0, () => 0.999]) {
      let total = 0;
      for (let made = 1; made < MAX_ATTEMPTS; made++)
        total += nextAttemptAt(made, now, 1, random)?.getTime() ?? Number.NaN;
      expect(total / 3_600_000).toBeGreaterThanOrEqual(72);
      expect(total / 3_600_000).toBeLessThanOrEqual(96);
    }
    expect(nextAttemptAt(MAX_ATTEMPTS, now, 1)).toBeNull();
    expect(RETRY_DELAYS_SEC[0]).toBe(60);
    // Exponential at first: each early delay is several times the one before.
    expect(RETRY_DELAYS_SEC.slice(0, 6).every((d, i, a) => i === 0 || d >= 2 * (a[i - 1] ?? 0))).toBe(true);
  });
});

describe(`webhooks plugin with its sample event on the ${kafkaBrokers ? 'kafka' : 'embedded'} bus`, () => {
  let tdb: TestDatabase;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const db = () => tdb.container.database.db;

  beforeAll(async () => {
    receiver = await startReceiver();
    tdb = await createTestDatabase({ env: eventEnv({ PLUGINS: 'webhooks' }) });
    await tdb.container.start();
  }, 120_000);
  afterAll(async () => {
    await tdb?.drop();
    await receiver?.close();
  });

  it('the sample matches the spec', () => {
    expect(checkEvent(sample)).toEqual([]);
  });

  it('fans the sample out to the matching endpoints only, and delivers it once', async () => {
    const endpoint = (id: string, owner: string, types: string[], enabled = true) => ({
      id,
      owner,
      url: receiver.url,
      event_types: types,
      enabled,
      disabled_reason: enabled ? null : ('manual' as const),
    });
    await db()
      .insertInto('webhook_endpoints')
      .values([
        endpoint('whe_FIXTURE00000000000000000A', sample.seller_id, ['seller_order.placed']),
        endpoint('whe_FIXTURE00000000000000000B', 'operator', ['*']),
        endpoint('whe_FIXTURE00000000000000000C', 'sel_other', ['*']),
        endpoint('whe_FIXTURE00000000000000000D', sample.seller_id, ['order.placed']),
        endpoint('whe_FIXTURE00000000000000000E', sample.seller_id, ['*'], false),
      ])
      .execute();
    for (const id of ['A', 'B', 'C', 'D', 'E']) {
      await db()
        .insertInto('webhook_secrets')
        .values({
          id: `whs_FIXTURE${id}`,
          endpoint_id: `whe_FIXTURE00000000000000000${id}`,
          secret: `whsec_${id}`,
        })
        .execute();
    }
    await db()
      .insertInto('outbox_events')
      .values({
        id: sample.id,
        type: sample.type,
        aggregate_type: 'order',
        aggregate_id: sample.data.order_id,
        seller_id: sample.seller_id,
        data: JSON.stringify(sample.data),
        actor: JSON.stringify(sample.actor),
        occurred_at: sample.occurred_at,
      })
      .execute();
    await waitFor('two deliveries', () => receiver.received.length >= 2);
    await new Promise((r) => setTimeout(r, 400));
    const endpoints = receiver.received.map((h) => h.headers['souk-delivery-id']);
    expect(endpoints).toHaveLength(2);
    const rows = await db()
      .selectFrom('webhook_deliveries')
      .select(['endpoint_id', 'status'])
      .orderBy('endpoint_id')
      .execute();
    expect(rows).toEqual([
      { endpoint_id: 'whe_FIXTURE00000000000000000A', status: 'succeeded' },
      { endpoint_id: 'whe_FIXTURE00000000000000000B', status: 'succeeded' },
    ]);
    for (const hook of receiver.received) expect(JSON.parse(hook.body)).toEqual(sample);
  });
});
