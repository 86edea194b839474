import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventEnv, kafkaBrokers, waitFor } from '../../../api/test/support/events.js';
import { checkEvent, type EventEnvelope } from '../../../api/test/support/spec-validator.js';
import { createTestDatabase, type TestDatabase } from '../../../api/test/support/test-db.js';
import { crossedBelow } from '../src/index.js';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`fixtures/${name}.json`, import.meta.url), 'utf8')) as EventEnvelope & {
    seller_id: string;
    data: { variant_id: string; inventory_quantity: number; previous_quantity: number };
  };
const crossing = fixture('inventory.updated.crossing');
const alreadyLow = fixture('inventory.updated.already-low');

describe('inventory-alerts: thresholds', () => {
  it('fires only when a change crosses from at/above the threshold to below it', () => {
    const data = (previous: number, now: number) => ({
      variant_id: 'v',
      product_id: 'p',
      sku: 's',
      previous_quantity: previous,
      inventory_quantity: now,
    });
    expect(crossedBelow(data(10, 3), 5)).toBe(true);
    expect(crossedBelow(data(5, 4), 5)).toBe(true);
    expect(crossedBelow(data(5, 5), 5)).toBe(false);
    expect(crossedBelow(data(3, 2), 5)).toBe(false);
    expect(crossedBelow(data(2, 9), 5)).toBe(false);
  });
});

describe(`inventory-alerts plugin on the ${kafkaBrokers ? 'kafka' : 'embedded'} bus`, () => {
  let tdb: TestDatabase;
  const db = () => tdb.container.database.db;
  const lowEvents = () =>
    db().selectFrom('outbox_events').selectAll().where('type', '=', 'inventory.low').execute();

  beforeAll(async () => {
    tdb = await createTestDatabase({
      env: eventEnv({ PLUGINS: 'inventory-alerts', INVENTORY_LOW_THRESHOLD: '5' }),
    });
    await tdb.container.start();
  }, 120_000);
  afterAll(async () => {
    await tdb?.drop();
  });

  it('has sample events that match the spec', () => {
    expect(checkEvent(crossing)).toEqual([]);
    expect(checkEvent(alreadyLow)).toEqual([]);
  });

  it('emits one inventory.low for the crossing event and none for the one already below', async () => {
    for (const e of [crossing, alreadyLow]) {
      await db()
        .insertInto('outbox_events')
        .values({
          id: e.id,
          type: e.type,
          aggregate_type: 'variant',
          aggregate_id: e.data.variant_id,
          seller_id: e.seller_id,
          data: JSON.stringify(e.data),
          occurred_at: e.occurred_at,
        })
        .execute();
    }
    const [low] = await waitFor('inventory.low', async () => {
      const rows = await lowEvents();
      return rows.length > 0 ? rows : undefined;
    });
    await waitFor('both inputs processed', async () => {
      const rows = await db().selectFrom('plugin_processed_events').select('event_id').execute();
      return rows.length >= 2;
    });
    expect(await lowEvents()).toHaveLength(1);
    expect(low?.seller_id).toBe(crossing.seller_id);
    expect(low?.data).toEqual({
      variant_id: crossing.data.variant_id,
      product_id: 'prod_01JD0000000000000000000P01',
      sku: 'ATL-BOOT-42',
      inventory_quantity: 3,
      threshold: 5,
      caused_by_event_id: crossing.id,
    });
    const envelope = {
      id: low?.id ?? '',
      type: 'inventory.low',
      version: 1,
      occurred_at: new Date(low?.occurred_at ?? 0).toISOString(),
      seller_id: low?.seller_id ?? null,
      actor: low?.actor,
      data: low?.data ?? {},
    };
    // The plugin acted, not a person: its own event is Souk's.
    expect(envelope.actor).toEqual({ type: 'system' });
    expect(checkEvent(envelope)).toEqual([]);
  });

  it.skipIf(Boolean(kafkaBrokers))(
    'emits nothing more when the bus delivers the same events again',
    async () => {
      // A consumer keeps its offset in memory once subscribed: rewind it with the plugin stopped, so the
      // restarted subscription reads from 0 and the bus really delivers both inputs (and the alert) again.
      const runner = tdb.container.plugins;
      if (!runner) throw new Error('the plugin runner is not running');
      await runner.stop();
      await db()
        .updateTable('bus_consumer_offsets')
        .set({ published_seq: 0 })
        .where('group_name', '=', 'plugin.inventory-alerts')
        .execute();
      await runner.start();
      await waitFor('offset moved again', async () => {
        const row = await db()
          .selectFrom('bus_consumer_offsets')
          .select('published_seq')
          .where('group_name', '=', 'plugin.inventory-alerts')
          .executeTakeFirst();
        return Number(row?.published_seq) >= 2;
      });
      expect(await lowEvents()).toHaveLength(1);
    },
  );
});
