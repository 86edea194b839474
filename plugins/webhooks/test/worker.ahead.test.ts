import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../../api/test/support/events.js';
import { createTestDatabase, type TestDatabase } from '../../../api/test/support/test-db.js';
import { insertEndpoints } from '../../../api/test/support/webhook-endpoints.js';
import { webhooksConfig } from '../src/config.js';
import { createDeliveryWorker } from '../src/worker.js';

const ENDPOINTS = ['a', 'b', 'c'] as const;
const PER_ENDPOINT = 40;

/** A receiver that notes, per endpoint path, the order of arrivals and how many were in flight at once. */
async function receiver() {
  const arrived = new Map<string, string[]>();
  const inFlight = new Map<string, number>();
  let overlaps = 0;
  const server = createServer((req, res) => {
    const path = req.url ?? '';
    inFlight.set(path, (inFlight.get(path) ?? 0) + 1);
    if ((inFlight.get(path) ?? 0) > 1) overlaps++;
    req.resume();
    req.on('end', () => {
      arrived.set(path, [...(arrived.get(path) ?? []), String(req.headers['souk-event-id'])]);
      // A few milliseconds, so runs overlap the refills that claim the next ones.
      setTimeout(
        () => {
          inFlight.set(path, (inFlight.get(path) ?? 1) - 1);
          res.writeHead(200).end('ok');
        },
        Math.floor(Math.random() * 4),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: (name: string) => `http://127.0.0.1:${(server.address() as AddressInfo).port}/${name}`,
    arrived,
    overlaps: () => overlaps,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

describe('webhook delivery workers claiming runs ahead', () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase();
  }, 60_000);
  afterAll(async () => {
    await tdb?.drop();
  });

  it('keep each endpoint in order, one delivery at a time, each sent once — two workers side by side', async () => {
    const db = tdb.container.database.db;
    const hook = await receiver();
    try {
      await insertEndpoints(db, Object.fromEntries(ENDPOINTS.map((n) => [n, hook.url(n)])));
      await sql`
        INSERT INTO webhook_deliveries
          (id, endpoint_id, event_id, event_type, event_position, payload, status, next_attempt_at)
        SELECT 'whd_' || e || lpad(g::text, 3, '0'), 'whe_' || e, 'evt_' || e || lpad(g::text, 3, '0'),
          'product.updated', g, jsonb_build_object('id', 'evt_' || e || lpad(g::text, 3, '0')), 'pending',
          now() - interval '1 second'
        FROM unnest(${[...ENDPOINTS]}::text[]) e, generate_series(1, ${PER_ENDPOINT}::int) g
      `.execute(db);
      // Runs of 4 and two lanes per worker: every endpoint needs ten runs, claimed ahead while the run
      // before is sent, by whichever worker holds it.
      const config = webhooksConfig.parse({
        WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
        WEBHOOK_RUN_LENGTH: '4',
        WEBHOOK_CONCURRENCY: '2',
        WEBHOOK_POLL_MS: '20',
      });
      const workers = [1, 2].map(() => createDeliveryWorker({ db, config, logger: tdb.container.logger }));
      for (const w of workers) w.start();
      try {
        await waitFor(
          'every delivery recorded as succeeded',
          async () => {
            const { n } = (
              await sql<{ n: number }>`
                SELECT count(*)::int AS n FROM webhook_deliveries WHERE status = 'succeeded'
              `.execute(db)
            ).rows[0] ?? { n: 0 };
            return n === ENDPOINTS.length * PER_ENDPOINT;
          },
          30_000,
        );
      } finally {
        await Promise.all(workers.map((w) => w.stop()));
      }
      for (const n of ENDPOINTS) {
        const expected = Array.from(
          { length: PER_ENDPOINT },
          (_, i) => `evt_${n}${String(i + 1).padStart(3, '0')}`,
        );
        expect(hook.arrived.get(`/${n}`)).toEqual(expected);
      }
      expect(hook.overlaps()).toBe(0);
      const attempts = await db.selectFrom('webhook_attempts').select('delivery_id').execute();
      expect(attempts).toHaveLength(ENDPOINTS.length * PER_ENDPOINT);
    } finally {
      await hook.close();
    }
  });
});
