import { type Kysely, sql, type Transaction } from 'kysely';
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

/** Batches one lease round may publish back to back (buses that keep their own copy of the events). */
const PIPELINE_BATCHES = 8;
/** After this long a round reads no further batch: its marks become visible when it commits. */
const PIPELINE_WINDOW_MS = 250;

/**
 * The advisory lock a relay round holds, exclusively, from taking its lease until it commits. A
 * reader waits for a round in progress by asking for it shared (`relayRoundsSettled`); waiting on the
 * lease row instead would lock the row, and a round starting meanwhile would skip (SKIP LOCKED)
 * and leave its events until the next wake-up.
 */
export const RELAY_ROUND_LOCK = sql`hashtextextended('souk:outbox-relay-round', 0)`;

/**
 * Returns once every relay round in progress has committed. On a bus with its own copy of the
 * events (Kafka) a consumer can receive an event before the round that published it marks it
 * (`published_seq`); after this, every event a consumer received so far is marked. One statement:
 * the shared lock is released as it ends, and a round waits for it only that long.
 */
export async function relayRoundsSettled(db: Kysely<Database>): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock_shared(${RELAY_ROUND_LOCK})`.execute(db);
}

/** A promise awaited later: its rejection is handled there, not reported as unhandled meanwhile. */
function awaitedLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

/**
 * The outbox relay. Each round, in one transaction: lock the stream's lease row (SKIP LOCKED, so a
 * second relay skips the round instead of publishing side by side — that is what keeps order across
 * instances), read the oldest unpublished events, publish them, and mark them published with a
 * dense `published_seq` (one statement per batch). On a bus with its own copy of the events (Kafka)
 * a round is pipelined over up to PIPELINE_BATCHES batches: while the bus acknowledges one batch, the
 * previous one is marked and the next one read, and the next is published only after the bus
 * acknowledged this one — so batches reach the bus in outbox order and per-key order holds. If
 * publishing fails, what the bus acknowledged before is still marked and committed; the failed batch
 * is not, and the next round (after a backoff) tries it again. The embedded bus reads the marks
 * themselves, so there a round is one batch and commits at once.
 */
export function createRelay(options: RelayOptions): Relay {
  const { db, bus, logger, batchSize, pollMs } = options;
  const stream = options.stream ?? 'default';
  const stats: RelayStats = { published: 0, batches: 0, failures: 0 };
  const window = bus.kind === 'embedded' ? 1 : PIPELINE_BATCHES;

  const unpublished = (trx: Transaction<Database>, after: number | null) =>
    trx
      .selectFrom('outbox_events')
      .selectAll()
      .where('published_at', 'is', null)
      .$if(after !== null, (q) => q.where('position', '>', after as number))
      .orderBy('position')
      .limit(batchSize)
      .execute();

  // Dense sequence numbers after the last published one, in outbox order (one statement: the lease
  // makes this relay the only one numbering).
  const markPublished = (trx: Transaction<Database>, positions: number[]) =>
    sql`
      UPDATE outbox_events o SET published_at = now(), published_seq = last.seq + v.ord
      FROM unnest(${positions}::bigint[]) WITH ORDINALITY AS v(position, ord),
        (SELECT coalesce(max(published_seq), 0) AS seq FROM outbox_events) last
      WHERE o.position = v.position
    `.execute(trx);

  async function drainOnce(): Promise<number> {
    // Its own transaction, not the write owner's: a background round that holds the stream's lease
    // and marks what it published, with no request (and no idempotency) behind it.
    const round = await db.transaction().execute(async (trx) => {
      // The lease, and for a round that holds it the round lock (see relayRoundsSettled). Taken only
      // on the row the lease's lock returned, so a relay that skips the round never waits for it.
      const { rows: lease } = await sql<{ name: string }>`
        WITH lease AS MATERIALIZED (
          SELECT name FROM outbox_relay_leases WHERE name = ${stream} FOR UPDATE SKIP LOCKED
        )
        SELECT name, pg_advisory_xact_lock(${RELAY_ROUND_LOCK}) FROM lease`.execute(trx);
      if (lease.length === 0) return { published: 0, batches: 0, failed: undefined };
      const began = performance.now();
      let rows = await unpublished(trx, null);
      let marking: Promise<unknown> = Promise.resolve();
      let published = 0;
      let batches = 0;
      while (rows.length > 0) {
        const publishing = bus.publish(rows.map(toBusEvent));
        const last = Number(rows[rows.length - 1]?.position);
        const more =
          batches + 1 < window && rows.length === batchSize && performance.now() - began < PIPELINE_WINDOW_MS;
        // Read the next batch while the bus acknowledges this one (after the previous batch's mark).
        const reading = awaitedLater(more ? unpublished(trx, last) : Promise.resolve([]));
        try {
          await publishing;
        } catch (err) {
          // Keep what the bus acknowledged before: mark it and commit, then report the failure.
          await Promise.all([marking, reading]);
          return { published, batches, failed: err };
        }
        await marking;
        marking = awaitedLater(
          markPublished(
            trx,
            rows.map((r) => Number(r.position)),
          ),
        );
        published += rows.length;
        batches++;
        rows = await reading;
      }
      await marking;
      return { published, batches, failed: undefined };
    });
    stats.batches += round.batches;
    if (round.failed !== undefined) {
      stats.published += round.published;
      relayPublished.inc(round.published);
      throw round.failed;
    }
    return round.published;
  }

  const loop = createLoop(
    async () => {
      const published = await drainOnce();
      if (published > 0) {
        stats.published += published;
        relayPublished.inc(published);
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
