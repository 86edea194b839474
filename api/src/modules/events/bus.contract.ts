import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../../test/support/events.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-db.js';
import { createLogger } from '../../lib/logger.js';
import type { BusEvent, EventBus } from './bus.js';
import { type DomainEvent, recordEvents } from './outbox.js';
import { createRelay } from './relay.js';

/** Builds the adapter under test over the test database. */
export type BusFactory = (db: TestDatabase) => EventBus;

/**
 * The semantics every bus adapter must have, run against each (`bus.test.ts`): every group sees every
 * event, in order per aggregate, at least once; an offset moves only after the handler resolved; a
 * group resumes after its last committed event; relays side by side never publish an event twice.
 */
export function describeBusContract(name: string, factory: BusFactory): void {
  describe(`event bus contract: ${name}`, () => {
    let tdb: TestDatabase;
    let bus: EventBus;
    const logger = createLogger('silent');
    let written = 0;

    /** Writes `n` events over three aggregates, each in its own transaction, like real changes do. */
    async function write(n: number): Promise<void> {
      for (let i = 0; i < n; i++) {
        const k = written++;
        await tdb.container.database.db.transaction().execute((trx) =>
          recordEvents(trx, [
            // A probe payload, not a product: the bus carries whatever the outbox holds.
            {
              type: 'product.updated',
              aggregateType: 'product',
              aggregateId: `agg-${k % 3}`,
              data: { k },
            } as unknown as DomainEvent,
          ]),
        );
      }
    }
    async function drain(): Promise<void> {
      const relay = createRelay({ db: tdb.container.database.db, bus, logger, batchSize: 7, pollMs: 10 });
      while ((await relay.drainOnce()) > 0) {}
    }
    function collect(events: BusEvent[]) {
      const byAggregate = new Map<string, number[]>();
      for (const e of events) {
        const list = byAggregate.get(e.aggregate_id) ?? [];
        list.push(e.data.k as number);
        byAggregate.set(e.aggregate_id, list);
      }
      return byAggregate;
    }

    beforeAll(async () => {
      tdb = await createTestDatabase();
      bus = factory(tdb);
      await bus.setup();
      await write(30);
      await drain();
    }, 120_000);
    afterAll(async () => {
      await bus?.close();
      await tdb?.drop();
    });

    it('delivers every event to a group, in order per aggregate, and to every group', async () => {
      const a: BusEvent[] = [];
      const b: BusEvent[] = [];
      const subA = await bus.subscribe('contract-a', async (e) => void a.push(e));
      const subB = await bus.subscribe('contract-b', async (e) => void b.push(e));
      await waitFor('30 events in both groups', () => a.length >= 30 && b.length >= 30);
      await subA.close();
      await subB.close();
      for (const got of [a, b]) {
        expect(new Set(got.map((e) => e.id)).size).toBe(30);
        for (const [agg, ks] of collect(got)) {
          const i = Number(agg.slice(4));
          expect(ks).toEqual(Array.from({ length: 10 }, (_, j) => i + 3 * j));
        }
      }
    });

    it('redelivers an event whose handler threw, before any later event of its aggregate', async () => {
      const seen: BusEvent[] = [];
      let thrown = 0;
      const sub = await bus.subscribe('contract-retry', async (e) => {
        if (e.data.k === 4 && thrown === 0) {
          thrown++;
          throw new Error('boom once');
        }
        seen.push(e);
      });
      await waitFor('all 30 handled', () => new Set(seen.map((e) => e.id)).size >= 30);
      await sub.close();
      expect(thrown).toBe(1);
      const agg1 = collect(seen).get('agg-1') ?? [];
      expect(agg1.indexOf(4)).toBeGreaterThanOrEqual(0);
      expect(agg1.indexOf(4)).toBeLessThan(agg1.indexOf(7));
    });

    it('resumes a group after its last committed event', async () => {
      const first: BusEvent[] = [];
      const sub1 = await bus.subscribe('contract-resume', async (e) => void first.push(e));
      await waitFor('first 30', () => first.length >= 30);
      await sub1.close();
      await write(6);
      await drain();
      const second: BusEvent[] = [];
      const sub2 = await bus.subscribe('contract-resume', async (e) => void second.push(e));
      await waitFor('6 new events', () => second.length >= 6);
      await new Promise((r) => setTimeout(r, 300));
      await sub2.close();
      expect(second.map((e) => e.data.k).sort((x, y) => Number(x) - Number(y))).toEqual([
        30, 31, 32, 33, 34, 35,
      ]);
    });

    it('publishes each event once when several relays run side by side', async () => {
      await write(40);
      const db = tdb.container.database.db;
      const relays = [1, 2, 3].map(() => createRelay({ db, bus, logger, batchSize: 5, pollMs: 5 }));
      for (const r of relays) r.start();
      await waitFor('outbox drained', async () => {
        const left = await db
          .selectFrom('outbox_events')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('published_at', 'is', null)
          .executeTakeFirstOrThrow();
        return Number(left.n) === 0;
      });
      await Promise.all(relays.map((r) => r.stop()));
      expect(relays.reduce((sum, r) => sum + r.stats().published, 0)).toBe(40);
      const rows = await db
        .selectFrom('outbox_events')
        .select(['position', 'published_seq'])
        .orderBy('position')
        .execute();
      const seqs = rows.map((r) => Number(r.published_seq));
      expect(seqs).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
      const all: BusEvent[] = [];
      const sub = await bus.subscribe('contract-all', async (e) => void all.push(e));
      await waitFor('76 events', () => all.length >= 76);
      await new Promise((r) => setTimeout(r, 300));
      await sub.close();
      expect(all).toHaveLength(76);
      expect(new Set(all.map((e) => e.id)).size).toBe(76);
    });
  });
}
