import type { Kysely } from 'kysely';
import { CHANNELS, type Notifications } from '../../db/notifications.js';
import type { Database } from '../../db/schema.js';
import { backoffMs } from '../../lib/backoff.js';
import type { Logger } from '../../lib/logger.js';
import type {
  BusBatchHandler,
  BusEvent,
  BusHandler,
  EventBus,
  SubscribeOptions,
  Subscription,
} from './bus.js';
import { toBusEvent } from './envelope.js';

export interface EmbeddedBusOptions {
  db: Kysely<Database>;
  logger: Logger;
  /** How often idle consumers look for events published by another process (without wake-ups). */
  pollMs: number;
  /**
   * LISTEN/NOTIFY wake-ups: with them an idle consumer reads as soon as any process's relay marked
   * events published, and otherwise looks only every `safetyPollMs`.
   */
  notifications?: Notifications;
  safetyPollMs?: number;
  /**
   * Events read per query, i.e. per run handed to a batch subscriber (one plugin-runner transaction):
   * the relay's batch size, so a run is what one relay round marked published.
   */
  batchSize?: number;
}

/** Handles read events; `progress(n)` says the first n are done (their offset may move). */
type Consume = (events: readonly BusEvent[], progress: (n: number) => void) => Promise<void>;

/**
 * The embedded bus: its log is the outbox itself, in the relay's `published_seq` order, and each
 * consumer group's offset is a row in `bus_consumer_offsets` — so it survives restarts and gives
 * the same at-least-once semantics as Kafka without a broker. One process per group (run several
 * plugin runners on one database only with Kafka; the processed-events record still prevents
 * duplicate effects if you do). The offset moves once per read batch (or up to the last handled
 * event when a handler throws), not once per event.
 */
export function createEmbeddedBus(options: EmbeddedBusOptions): EventBus {
  const { db, logger } = options;
  const batchSize = options.batchSize ?? 500;
  const idleMs = options.notifications ? (options.safetyPollMs ?? 5_000) : options.pollMs;
  const waiters = new Set<() => void>();
  let unlisten: (() => void) | undefined;

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

  async function start(group: string, handle: Consume, opts: SubscribeOptions): Promise<Subscription> {
    unlisten ??= options.notifications?.on(CHANNELS.published, notify);
    let open = true;
    let offset = await offsetOf(group);
    let cancelWait: (() => void) | undefined;
    let pending = false;
    const wake = () => {
      pending = true;
    };
    waiters.add(wake);
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

    const read = (after: number) =>
      db
        .selectFrom('outbox_events')
        .selectAll()
        .where('published_seq', '>', after)
        .orderBy('published_seq')
        .limit(batchSize)
        .execute();

    async function consume(): Promise<void> {
      let failures = 0;
      // The next batch, read while this one is handled (only after a full batch: more may be waiting).
      let ahead: ReturnType<typeof read> | undefined;
      while (open) {
        pending = false;
        try {
          const reading = ahead ?? read(offset);
          ahead = undefined;
          const rows = await reading;
          if (rows.length === batchSize) {
            ahead = read(Number(rows[rows.length - 1]?.published_seq));
            // Awaited on the next pass, or dropped: its failure is handled there, not reported meanwhile.
            ahead.catch(() => {});
          }
          let done = 0;
          try {
            if (rows.length > 0) await handle(rows.map(toBusEvent), (n) => (done = n));
          } finally {
            // The offset moves only past handled events: a crash before this redelivers them.
            const last = rows[done - 1];
            if (last) {
              const seq = Number(last.published_seq);
              await db
                .updateTable('bus_consumer_offsets')
                .set({ published_seq: seq, updated_at: new Date() })
                .where('group_name', '=', group)
                .execute();
              offset = seq;
            }
          }
          failures = 0;
          // A publication announced while reading is not lost: `pending` skips the pause.
          if (rows.length < batchSize && !pending && open) await idle(idleMs);
        } catch (err) {
          // A batch that failed part-way is read again from its offset: what was read past it is dropped.
          ahead = undefined;
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
        waiters.delete(wake);
        cancelWait?.();
        await loop;
      },
    };
  }

  return {
    kind: 'embedded',
    async setup() {},
    async publish() {
      notify();
    },
    subscribe(group: string, handler: BusHandler, opts: SubscribeOptions = {}) {
      return start(
        group,
        async (events, progress) => {
          for (const [i, event] of events.entries()) {
            await handler(event);
            progress(i + 1);
          }
        },
        opts,
      );
    },
    subscribeBatch(group: string, handler: BusBatchHandler, opts: SubscribeOptions = {}) {
      return start(
        group,
        async (events, progress) => {
          await handler(events);
          progress(events.length);
        },
        opts,
      );
    },
    async close() {
      unlisten?.();
      unlisten = undefined;
      notify();
    },
  };
}
