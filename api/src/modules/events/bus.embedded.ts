import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { backoffMs } from '../../lib/backoff.js';
import type { Logger } from '../../lib/logger.js';
import type { BusHandler, EventBus, SubscribeOptions, Subscription } from './bus.js';
import { toBusEvent } from './envelope.js';

export interface EmbeddedBusOptions {
  db: Kysely<Database>;
  logger: Logger;
  /** How often idle consumers look for events published by another process. */
  pollMs: number;
  /** Events read per query. */
  batchSize?: number;
}

/**
 * The embedded bus: its log is the outbox itself, in the relay's `published_seq` order, and each
 * consumer group's offset is a row in `bus_consumer_offsets` — so it survives restarts and gives
 * the same at-least-once semantics as Kafka without a broker. One process per group (run several
 * plugin runners on one database only with Kafka; the processed-events record still prevents
 * duplicate effects if you do).
 */
export function createEmbeddedBus(options: EmbeddedBusOptions): EventBus {
  const { db, logger, pollMs } = options;
  const batchSize = options.batchSize ?? 200;
  const waiters = new Set<() => void>();

  function notify(): void {
    for (const w of [...waiters]) w();
  }

  async function offsetOf(group: string): Promise<number> {
    await db
      .insertInto('bus_consumer_offsets')
      .values({ group_name: group, published_seq: 0 })
      .onConflict((oc) => oc.column('group_name').doNothing())
      .execute();
    const row = await db
      .selectFrom('bus_consumer_offsets')
      .select('published_seq')
      .where('group_name', '=', group)
      .executeTakeFirstOrThrow();
    return Number(row.published_seq);
  }

  return {
    kind: 'embedded',
    async setup() {},
    async publish() {
      notify();
    },
    async subscribe(group: string, handler: BusHandler, opts: SubscribeOptions = {}): Promise<Subscription> {
      let open = true;
      let offset = await offsetOf(group);
      let cancelWait: (() => void) | undefined;
      const idle = (ms: number) =>
        new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            waiters.delete(done);
            resolve();
          };
          const timer = setTimeout(done, ms);
          waiters.add(done);
          cancelWait = done;
        });

      async function consume(): Promise<void> {
        let failures = 0;
        while (open) {
          try {
            const rows = await db
              .selectFrom('outbox_events')
              .selectAll()
              .where('published_seq', '>', offset)
              .orderBy('published_seq')
              .limit(batchSize)
              .execute();
            for (const row of rows) {
              if (!open) return;
              await handler(toBusEvent(row));
              const seq = Number(row.published_seq);
              // The offset moves only after the handler resolved: a crash in between redelivers.
              await db
                .updateTable('bus_consumer_offsets')
                .set({ published_seq: seq, updated_at: new Date() })
                .where('group_name', '=', group)
                .execute();
              offset = seq;
            }
            failures = 0;
            if (rows.length < batchSize) await idle(pollMs);
          } catch (err) {
            failures++;
            opts.onError?.(err);
            if (failures === 1)
              logger.warn({ err, group }, 'embedded bus consumer failed; retrying the same event');
            await idle(backoffMs(failures, 100, 5_000));
          }
        }
      }

      const loop = consume();
      return {
        async close() {
          open = false;
          cancelWait?.();
          await loop;
        },
      };
    },
    async close() {
      notify();
    },
  };
}
