import { definePlugin } from '@souk/plugin-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventEnv, kafkaBrokers, waitFor } from '../../test/support/events.js';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-db.js';
import type { Config } from '../config.js';
import type { Database } from '../db/schema.js';
import { createLogger } from '../lib/logger.js';
import { type DomainEvent, recordEvents } from '../modules/events/index.js';
import { createPluginRunner, type PluginRunner, type SoukPlugin } from './runner.js';

/**
 * The plugin runner on the bus this run has (embedded, or Kafka when KAFKA_BROKERS is set): effects
 * commit once with the processed-events record, failures are retried, then dead-lettered.
 */
describe(`plugin runner (${kafkaBrokers ? 'kafka' : 'embedded'} bus)`, () => {
  let tdb: TestDatabase;
  const runners: PluginRunner[] = [];
  const calls = new Map<string, number>();
  const db = () => tdb.container.database.db;

  /** A plugin whose effect is an outbox event `effect.<kind>` for aggregate = the source event id. */
  const probe = (name: string, failFirst: (k: string) => number) =>
    definePlugin<Database, Config>({
      name,
      version: '0.0.0',
      subscribe: [
        {
          event: 'probe.happened',
          handle: async (event, { emit, attempt }) => {
            const k = String(event.data.k);
            calls.set(`${name}:${k}`, (calls.get(`${name}:${k}`) ?? 0) + 1);
            if (attempt <= failFirst(k)) throw new Error(`probe failure ${attempt} of ${k}`);
            await emit({
              type: `effect.${name}`,
              aggregateType: 'probe',
              aggregateId: event.id,
              data: { k, attempt },
            });
          },
        },
      ],
    });

  async function run(plugins: SoukPlugin[]): Promise<PluginRunner> {
    const runner = createPluginRunner({
      db: db(),
      bus: tdb.container.bus,
      logger: createLogger('silent'),
      config: tdb.config,
      plugins,
      maxAttempts: 3,
      retryBaseMs: 5,
    });
    runners.push(runner);
    await runner.start();
    return runner;
  }
  async function publish(ks: string[]): Promise<void> {
    await db()
      .transaction()
      .execute((trx) =>
        recordEvents(
          trx,
          // Probe events the spec does not know: the runner carries any type the outbox holds.
          ks.map((k) => ({
            type: 'probe.happened',
            aggregateType: 'probe',
            aggregateId: `p-${k}`,
            data: { k },
          })) as unknown as DomainEvent[],
        ),
      );
  }
  const effects = async (plugin: string) =>
    db()
      .selectFrom('outbox_events')
      .select(['aggregate_id', 'data'])
      .where('type', '=', `effect.${plugin}`)
      .execute();

  beforeAll(async () => {
    tdb = await createTestDatabase({ env: eventEnv({ PLUGINS: 'none' }) });
    await tdb.container.start();
  }, 120_000);
  afterAll(async () => {
    for (const r of runners) await r.stop();
    await tdb?.drop();
  });

  it('applies each event once, retrying failures, and dead-letters what keeps failing', async () => {
    // k=b fails twice then works (3 attempts allowed); k=c always fails.
    await run([probe('alpha', (k) => (k === 'b' ? 2 : k === 'c' ? 99 : 0))]);
    await publish(['a', 'b', 'c', 'd']);
    await waitFor('effects of a, b, d', async () => (await effects('alpha')).length === 3);
    const dead = await waitFor('dead letter of c', () =>
      db().selectFrom('plugin_dead_letters').selectAll().where('plugin', '=', 'alpha').executeTakeFirst(),
    );
    expect(dead.attempts).toBe(3);
    expect(dead.error).toContain('probe failure 3 of c');
    expect(dead.event_type).toBe('probe.happened');
    expect(calls.get('alpha:b')).toBe(3);
    expect(calls.get('alpha:c')).toBe(3);
    const byK = (await effects('alpha')).map((e) => e.data.k).sort();
    expect(byK).toEqual(['a', 'b', 'd']);
    const processed = await db()
      .selectFrom('plugin_processed_events')
      .selectAll()
      .where('plugin', '=', 'alpha')
      .execute();
    expect(processed).toHaveLength(4);
  });

  it('does not apply an event twice when the bus delivers it again', async () => {
    const beta = probe('beta', () => 0);
    const first = await run([beta]);
    await publish(['e', 'f']);
    await waitFor('beta effects', async () => (await effects('beta')).length >= 6);
    await first.stop();
    // A redelivery: on the embedded bus, rewind the group's offset to the start. Kafka offsets are the
    // broker's; its redelivery after a crash is exercised by the kill -9 fault test (test/faults).
    if (!kafkaBrokers) {
      await db()
        .updateTable('bus_consumer_offsets')
        .set({ published_seq: 0 })
        .where('group_name', '=', 'plugin.beta')
        .execute();
    }
    await run([beta]);
    await publish(['g']);
    await waitFor('effect of g', async () => (await effects('beta')).some((e) => e.data.k === 'g'));
    await new Promise((r) => setTimeout(r, 300));
    const ks = (await effects('beta')).map((e) => e.data.k).sort();
    expect(ks).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    if (!kafkaBrokers) expect(calls.get('beta:a')).toBe(1);
  });
});
