import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDriver } from '../../../test/support/test-db.js';
import { createEmbeddedBus } from './bus.embedded.js';
import type { BusEvent } from './bus.js';
import { type DomainEvent, recordEvents } from './outbox.js';
import { createRelay, RELAY_ROUND_LOCK, relayRoundsSettled } from './relay.js';

// Waiting for a relay round in progress (what a real-time subscription does between its join and its
// second replay), and that the wait never makes a round skip. Two sessions at once: PostgreSQL only
// (PGlite runs one statement at a time, so a wait cannot overlap a round there).
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A relay on the embedded bus whose publishing waits until the test opens the gate. */
function gatedRelay() {
  const sql = db.container.database.db;
  const embedded = createEmbeddedBus({ db: sql, logger: db.container.logger, pollMs: 60_000 });
  let open: () => void = () => {};
  const gate = new Promise<void>((r) => {
    open = r;
  });
  let publishing: () => void = () => {};
  const started = new Promise<void>((r) => {
    publishing = r;
  });
  const bus = {
    ...embedded,
    async publish(events: readonly BusEvent[]) {
      publishing();
      await gate;
      await embedded.publish(events);
    },
  };
  const relay = createRelay({ db: sql, bus, logger: db.container.logger, batchSize: 100, pollMs: 60_000 });
  return { relay, open, started };
}

async function commitEvent(k: number) {
  const event = { type: 'probe.happened', aggregateType: 'probe', aggregateId: `r-${k}`, data: { k } };
  await db.container.database.db
    .transaction()
    .execute((trx) => recordEvents(trx, [event] as unknown as DomainEvent[]));
}

describe.skipIf(testDriver !== 'postgres')('relay rounds and the wait for them', () => {
  it('returns only once the round publishing now has committed its marks', async () => {
    await commitEvent(1);
    const { relay, open, started } = gatedRelay();
    const round = relay.drainOnce();
    await started;
    let settled = false;
    const waiting = relayRoundsSettled(db.container.database.db).then(() => {
      settled = true;
    });
    await sleep(200);
    expect(settled).toBe(false);
    open();
    expect(await round).toBe(1);
    await waiting;
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM outbox_events WHERE published_seq IS NULL`.execute(
      db.container.database.db,
    );
    expect(rows[0]?.n).toBe(0);
  });

  it('never makes a round skip: a round starting during a wait publishes once the wait ends', async () => {
    await commitEvent(2);
    const { relay, open } = gatedRelay();
    open();
    // A waiter holding its shared lock, as it does while its statement runs, for longer.
    let done = false;
    const published = await db.container.database.db.connection().execute(async (conn) => {
      await sql`BEGIN`.execute(conn);
      await sql`SELECT pg_advisory_xact_lock_shared(${RELAY_ROUND_LOCK})`.execute(conn);
      const round = relay.drainOnce().finally(() => {
        done = true;
      });
      await sleep(200);
      // The round waits for the waiter rather than skipping (which would answer 0 at once).
      expect(done).toBe(false);
      await sql`COMMIT`.execute(conn);
      return round;
    });
    expect(published).toBe(1);
  });
});
