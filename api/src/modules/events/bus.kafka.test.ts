import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kafkaBrokers, uniqueTopic, waitFor } from '../../../test/support/events.js';
import { counted } from '../../../test/support/metrics.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-db.js';
import { createLogger } from '../../lib/logger.js';
import { busUnreadableMessages } from '../../observability/metrics.js';
import type { BusEvent, EventBus } from './bus.js';
import { createKafkaBus } from './bus.kafka.js';
import { type DomainEvent, recordEvents } from './outbox.js';
import { createRelay } from './relay.js';

const brokers = kafkaBrokers?.split(',');
const logger = createLogger('silent');

/** Skipped messages a group counted so far. */
const unreadable = (group: string) => counted(busUnreadableMessages, { group });

/**
 * What only the Kafka adapter meets: its topic is open to any client with access, so it can hold
 * messages the relay never wrote. The embedded bus reads the outbox table itself and cannot.
 */
describe.skipIf(!brokers)('kafka bus: messages that carry no event', () => {
  const topic = uniqueTopic();
  let tdb: TestDatabase;
  let bus: EventBus;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    bus = createKafkaBus({
      brokers: brokers ?? [],
      clientId: 'souk-test',
      topic,
      partitions: 3,
      retentionMs: 3_600_000,
      logger,
    });
    await bus.setup();
    // Written by another client, before the events and among them, on the events' own keys.
    const kafka = new Kafka({
      brokers: brokers ?? [],
      clientId: 'souk-test-other',
      logLevel: logLevel.NOTHING,
    });
    const other = kafka.producer();
    await other.connect();
    const junk = (key: string) => [
      { key, value: 'not json' },
      { key, value: null },
      { key, value: '{"hello":"world"}' },
      { key, value: '[1,2]' },
    ];
    await other.send({ topic, messages: ['agg-0', 'agg-1', 'agg-2'].flatMap(junk) });
    const db = tdb.container.database.db;
    for (let k = 0; k < 9; k++) {
      await db.transaction().execute((trx) =>
        recordEvents(trx, [
          {
            type: 'product.updated',
            aggregateType: 'product',
            aggregateId: `agg-${k % 3}`,
            data: { k },
          } as unknown as DomainEvent,
        ]),
      );
      if (k === 4) await other.send({ topic, messages: junk('agg-1') });
    }
    const relay = createRelay({ db, bus, logger, batchSize: 4, pollMs: 10 });
    while ((await relay.drainOnce()) > 0) {}
    await other.disconnect();
  }, 120_000);
  afterAll(async () => {
    await bus?.close();
    await tdb?.drop();
  });

  it('skips and counts them, and hands every event over in order, one by one and in runs', async () => {
    const one: BusEvent[] = [];
    const runs: BusEvent[] = [];
    const subOne = await bus.subscribe('unreadable-one', async (e) => void one.push(e));
    const subRuns = await bus.subscribeBatch('unreadable-runs', async (es) => void runs.push(...es));
    await waitFor('9 events in both groups', () => one.length >= 9 && runs.length >= 9);
    await waitFor(
      '16 skipped in both groups',
      async () => (await unreadable('unreadable-one')) >= 16 && (await unreadable('unreadable-runs')) >= 16,
    );
    await new Promise((r) => setTimeout(r, 300));
    await subOne.close();
    await subRuns.close();
    for (const got of [one, runs]) {
      expect(got).toHaveLength(9);
      for (let agg = 0; agg < 3; agg++) {
        const ks = got.filter((e) => e.aggregate_id === `agg-${agg}`).map((e) => e.data.k);
        expect(ks).toEqual([agg, agg + 3, agg + 6]);
      }
    }
    expect(await unreadable('unreadable-one')).toBe(16);
    expect(await unreadable('unreadable-runs')).toBe(16);
  });
});
