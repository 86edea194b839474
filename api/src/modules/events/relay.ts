import { type Kysely, sql } from 'kysely';
import { CHANNELS, type Notifications } from '../../db/notifications.js';
import type { Database } from '../../db/schema.js';
import { backoffMs } from '../../lib/backoff.js';
import type { Logger } from '../../lib/logger.js';
import { createLoop } from '../../lib/loop.js';
import { relayFailures, relayPublished } from '../../observability/metrics.js';
import type { EventBus } from './bus.js';
import { toBusEvent } from './envelope.js';

export interface RelayOptions {
  db: Kysely<Database>;
  bus: EventBus;
  logger: Logger;
  batchSize: number;
  /** Pause between looks at an idle outbox when there are no wake-ups. */
  pollMs: number;
  /**
   * LISTEN/NOTIFY wake-ups: with them the relay starts as soon as a transaction that wrote events
   * commits, and looks at an idle outbox only every `safetyPollMs` (in case a notification was lost).
   */
  notifications?: Notifications;
  safetyPollMs?: number;
  /** Lease row naming the stream; relays of one stream take turns, never publish side by side. */
  stream?: string;
}

export interface RelayStats {
  published: number;
  batches: number;
  failures: number;
}

export interface Relay {
  /** Publishes one batch if this relay holds the lease; returns how many events it published. */
  drainOnce(): Promise<number>;
  start(): void;
  /** Stops the loop after the batch in flight. */
  stop(): Promise<void>;
  stats(): RelayStats;
}

/**
 * The outbox relay. Each round, in one transaction: lock the stream's lease row (SKIP LOCKED, so a
 * second relay skips the round instead of publishing side by side — that is what keeps order across
 * instances), read the oldest unpublished events, publish them, and mark them published with a
 * dense `published_seq`. If publishing fails the transaction rolls back: nothing is marked, the outbox
 * keeps growing, and the next round (after a backoff) tries the same events again.
 */
export function createRelay(options: RelayOptions): Relay {
  const { db, bus, logger, batchSize, pollMs } = options;
  const stream = options.stream ?? 'default';
  const stats: RelayStats = { published: 0, batches: 0, failures: 0 };

  async function drainOnce(): Promise<number> {
    // Its own transaction, not the write owner's: a background round that holds the stream's lease
    // and marks what it published, with no request (and no idempotency) behind it.
    return db.transaction().execute(async (trx) => {
      const lease = await trx
        .selectFrom('outbox_relay_leases')
        .select('name')
        .where('name', '=', stream)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!lease) return 0;
      const rows = await trx
        .selectFrom('outbox_events')
        .selectAll()
        .where('published_at', 'is', null)
        .orderBy('position')
        .limit(batchSize)
        .execute();
      if (rows.length === 0) return 0;
      await bus.publish(rows.map(toBusEvent));
      const positions = rows.map((r) => Number(r.position));
      // Dense sequence numbers after the last published one, in outbox order (one statement: the
      // lease makes this relay the only one numbering).
      await sql`
        UPDATE outbox_events o SET published_at = now(), published_seq = last.seq + v.ord
        FROM unnest(${positions}::bigint[]) WITH ORDINALITY AS v(position, ord),
          (SELECT coalesce(max(published_seq), 0) AS seq FROM outbox_events) last
        WHERE o.position = v.position
      `.execute(trx);
      return rows.length;
    });
  }

  const loop = createLoop(
    async () => {
      const published = await drainOnce();
      if (published > 0) {
        stats.published += published;
        relayPublished.inc(published);
        stats.batches++;
      }
      return published >= batchSize;
    },
    {
      idleMs: options.notifications ? (options.safetyPollMs ?? 5_000) : pollMs,
      onError: (err, failures) => {
        stats.failures++;
        relayFailures.inc();
        const delay = backoffMs(failures, 100, 5_000);
        // Say it once per outage, then quietly keep trying: the outbox holds everything meanwhile.
        if (failures === 1 || failures % 50 === 0) {
          logger.warn({ err, failures, retry_in_ms: delay }, 'event relay cannot publish; retrying');
        }
        return delay;
      },
      onRecovered: (failures) => logger.info({ after_failures: failures }, 'event relay recovered'),
    },
  );

  let unlisten: (() => void) | undefined;
  return {
    drainOnce,
    start() {
      unlisten ??= options.notifications?.on(CHANNELS.outbox, loop.wake);
      loop.start();
    },
    async stop() {
      unlisten?.();
      unlisten = undefined;
      await loop.stop();
    },
    stats: () => ({ ...stats }),
  };
}
