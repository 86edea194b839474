import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../../api/test/support/events.js';
import { createTestDatabase, type TestDatabase } from '../../../api/test/support/test-db.js';
import { insertEndpoints } from '../../../api/test/support/webhook-endpoints.js';
import { webhooksConfig } from '../src/config.js';
import { createDeliveryWorker } from '../src/worker.js';

const SLOW_MS = 3_000;

/** A receiver answering 200 after `delayMs`; notes when each event arrived and when it was answered. */
async function receiver(delayMs: number) {
  const arrived: string[] = [];
  const answered: string[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const id = String(req.headers['souk-event-id']);
      arrived.push(id);
      setTimeout(() => {
        answered.push(id);
        res.writeHead(200).end('ok');
      }, delayMs);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    arrived,
    answered,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

describe('webhook delivery worker lanes', () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase();
  }, 60_000);
  afterAll(async () => {
    await tdb?.drop();
  });

  it('keeps delivering to a fast endpoint while a slow one holds its own run', async () => {
    const db = tdb.container.database.db;
    const slow = await receiver(SLOW_MS);
    const fast = await receiver(0);
    try {
      await insertEndpoints(db, { slow: slow.url, fast: fast.url });
      // One delivery for the slow endpoint, six for the fast one; runs of one delivery, two lanes.
      await sql`
        INSERT INTO webhook_deliveries
          (id, endpoint_id, event_id, event_type, event_position, payload, status, next_attempt_at)
        SELECT 'whd_' || e || g, 'whe_' || e, 'evt_' || e || g, 'product.updated', g,
          jsonb_build_object('id', 'evt_' || e || g), 'pending', now() - interval '1 second'
        FROM (VALUES ('slow', 1), ('fast', 6)) AS t(e, n), generate_series(1, t.n) g
      `.execute(db);
      const config = webhooksConfig.parse({
        WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
        WEBHOOK_RUN_LENGTH: '1',
        WEBHOOK_CONCURRENCY: '2',
        WEBHOOK_POLL_MS: '20',
      });
      const worker = createDeliveryWorker({ db, config, logger: tdb.container.logger });
      worker.start();
      try {
        await waitFor('the slow endpoint called', () => slow.arrived.length === 1, 10_000);
        // Run after run for the fast endpoint while the slow one's single run is still unanswered:
        // a round shared by both would have sent the fast endpoint one delivery and then waited.
        await waitFor('six deliveries at the fast endpoint', () => fast.arrived.length === 6, SLOW_MS);
        expect(slow.answered).toHaveLength(0);
        expect(fast.arrived).toEqual([
          'evt_fast1',
          'evt_fast2',
          'evt_fast3',
          'evt_fast4',
          'evt_fast5',
          'evt_fast6',
        ]);
        await waitFor('the slow delivery recorded', async () => {
          const rows = await db
            .selectFrom('webhook_deliveries')
            .select('status')
            .where('status', '=', 'succeeded')
            .execute();
          return rows.length === 7;
        });
      } finally {
        await worker.stop();
      }
    } finally {
      await slow.close();
      await fast.close();
    }
  });
});
