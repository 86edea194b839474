import { recordEvents } from '@souk/api/events';
import { CHANNELS, createLoop, type Database, type EventData } from '@souk/api/plugin-host';
import {
  type AttemptRecord,
  type ClaimedDelivery,
  disableFailingEndpoint,
  insertAttempt,
  markEndpointFailing,
  releaseDeliveries,
  settleAndClaim,
  settleDelivery,
} from '@souk/api/webhooks';
import type { PluginLogger } from '@souk/plugin-kit';
import type { Kysely } from 'kysely';
import type { WebhooksConfig } from './config.js';
import type { PostResult } from './deliver.js';
import { observeDelivery } from './metrics.js';
import { MAX_ATTEMPTS, nextAttemptAt } from './schedule.js';
import { createSender } from './sender.js';

export interface DeliveryWorker {
  /** One round: claims due deliveries, sends them, records the attempts. Returns how many it sent. */
  runOnce(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

export interface WorkerOptions {
  db: Kysely<Database>;
  config: WebhooksConfig;
  logger: PluginLogger;
  clock?: () => Date;
  /** The host's LISTEN/NOTIFY wake-ups (`PluginContext.onNotify`); without them the worker polls. */
  onNotify?: (channel: string, wake: () => void) => () => void;
}

/**
 * Sends queued webhook deliveries (`sender.ts`: signed, POSTed, addresses checked at connect time)
 * and logs each attempt; a failure is retried on the schedule in `schedule.ts`. An endpoint failing
 * for longer than WEBHOOK_DISABLE_AFTER_HOURS is disabled and `webhook_endpoint.disabled` is recorded
 * for its owner.
 *
 * Each endpoint has its own lane: a run of its due deliveries (up to WEBHOOK_RUN_LENGTH) is claimed,
 * sent one at a time in order, and its successes recorded, and only then is the endpoint claimed
 * again; up to WEBHOOK_CONCURRENCY lanes run side by side, so a slow endpoint holds only its own lane.
 * A run stops at its first failure (recorded at once, with its retry) or when it has taken longer
 * than WEBHOOK_TIMEOUT_MS; what it did not send is released. The successes of every run that finished
 * are recorded in the transaction that claims the next runs for every free lane (`settleAndClaim`):
 * one transaction per refill, however many lanes came free meanwhile. The worker refills when
 * deliveries are queued (the host's wake-ups), a lane finishes or a retry it scheduled comes due, and
 * polls only as a safety net.
 */
export function createDeliveryWorker(options: WorkerOptions): DeliveryWorker {
  const { db, config, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const { send, destroy } = createSender(config);

  /** Records a failed attempt with its retry (or gives up), in its own transaction. */
  async function recordFailure(d: ClaimedDelivery, startedAt: Date, result: PostResult): Promise<void> {
    const number = d.attempt_count + 1;
    const now = clock();
    const next = number >= MAX_ATTEMPTS ? null : nextAttemptAt(number, now, config.WEBHOOK_RETRY_SCALE);
    observeDelivery(next ? 'retrying' : 'failed', result.latencyMs);
    if (next) wakeAt(next);
    await db.transaction().execute(async (trx) => {
      await insertAttempt(trx, {
        deliveryId: d.id,
        number,
        startedAt,
        statusCode: result.statusCode,
        latencyMs: result.latencyMs,
        excerpt: result.excerpt,
        error: result.error,
      });
      await settleDelivery(trx, d.id, {
        status: next ? 'pending' : 'failed',
        attempts: number,
        nextAttemptAt: next,
      });
      const since = await markEndpointFailing(trx, d.endpoint_id, result.error ?? 'failed', now);
      const disableAfterMs = config.WEBHOOK_DISABLE_AFTER_HOURS * 3_600_000;
      if (
        now.getTime() - since.getTime() >= disableAfterMs &&
        (await disableFailingEndpoint(trx, d.endpoint_id))
      ) {
        logger.warn({ endpoint_id: d.endpoint_id, failing_since: since }, 'webhook endpoint disabled');
        const data: EventData<'webhook_endpoint.disabled'> = {
          endpoint_id: d.endpoint_id,
          url: d.url,
          failing_since: since.toISOString(),
          last_error: result.error,
        };
        await recordEvents(trx, [
          {
            type: 'webhook_endpoint.disabled',
            aggregateType: 'webhook_endpoint',
            aggregateId: d.endpoint_id,
            sellerId: d.owner === 'operator' ? null : d.owner,
            data,
          },
        ]);
      }
    });
  }

  /** Sends one endpoint's run in order; collects successes, records a failure, releases the rest. */
  async function sendRun(run: readonly ClaimedDelivery[], succeeded: AttemptRecord[]): Promise<void> {
    const began = performance.now();
    for (const [i, d] of run.entries()) {
      if (i > 0 && performance.now() - began > config.WEBHOOK_TIMEOUT_MS) {
        await releaseDeliveries(
          db,
          run.slice(i).map((r) => r.id),
        );
        return;
      }
      const startedAt = clock();
      const result = await send(d, startedAt);
      if (result.error === null) {
        observeDelivery('succeeded', result.latencyMs);
        succeeded.push({
          deliveryId: d.id,
          number: d.attempt_count + 1,
          startedAt,
          statusCode: result.statusCode,
          latencyMs: result.latencyMs,
          excerpt: result.excerpt,
          error: null,
        });
        continue;
      }
      await recordFailure(d, startedAt, result).catch((err) =>
        logger.error({ err, delivery_id: d.id }, 'recording a webhook attempt failed'),
      );
      // The endpoint's later deliveries wait for the next round (after this one's retry is set).
      await releaseDeliveries(
        db,
        run.slice(i + 1).map((r) => r.id),
      );
      return;
    }
  }

  /**
   * Successes of runs that finished sending, not yet recorded: the next refill records them in the
   * transaction that claims the next runs (under load many lanes finish close together: one refill).
   */
  let unrecorded: AttemptRecord[] = [];
  const idleMs = options.onNotify ? config.WEBHOOK_SAFETY_POLL_MS : config.WEBHOOK_POLL_MS;
  /** Lanes sending a run, one endpoint each; the endpoint is claimable again once its run is recorded. */
  const lanes = new Set<Promise<void>>();
  // Wakes a round waiting for a lane to finish or new deliveries; `poked` keeps a wake-up that came
  // while the round was refilling.
  let nudge: (() => void) | undefined;
  let poked = false;
  const poke = () => {
    poked = true;
    nudge?.();
  };

  /** Sends one endpoint's run; its successes wait in `unrecorded` for the next refill. */
  function startLane(run: readonly ClaimedDelivery[]): void {
    const succeeded: AttemptRecord[] = [];
    const lane = sendRun(run, succeeded)
      .catch((err) => logger.error({ err }, 'a webhook delivery run failed'))
      .finally(() => {
        unrecorded.push(...succeeded);
        lanes.delete(lane);
        poke();
      });
    lanes.add(lane);
  }

  /**
   * Records the runs that finished and claims runs for every free lane, in one transaction — a lane
   * whose run is recorded there is free for that claim — and starts them. Returns how many deliveries
   * it claimed. If it fails, the unrecorded deliveries stay claimed and are sent again once their lock
   * expires (at least once).
   */
  async function refill(claim = true): Promise<number> {
    const free = claim ? config.WEBHOOK_CONCURRENCY - lanes.size : 0;
    if (free <= 0 && unrecorded.length === 0) return 0;
    const succeeded = unrecorded;
    unrecorded = [];
    const now = clock();
    // Held a little longer than one run can take; a crashed worker's claims expire after that.
    const lockUntil = new Date(now.getTime() + config.WEBHOOK_TIMEOUT_MS * 2 + 5_000);
    const due = await settleAndClaim(db, {
      succeeded,
      limit: Math.max(0, free),
      now,
      lockUntil,
      perEndpoint: config.WEBHOOK_RUN_LENGTH,
    });
    const runs = new Map<string, ClaimedDelivery[]>();
    for (const d of due) runs.set(d.endpoint_id, [...(runs.get(d.endpoint_id) ?? []), d]);
    for (const run of runs.values()) startLane(run);
    return due.length;
  }

  /** Sends what is in flight to the end and records it. */
  async function settle(): Promise<void> {
    while (lanes.size > 0) await Promise.all(lanes);
    await refill(false);
  }

  /** One round as a unit (tests): claims, sends and records, and resolves when all of it is done. */
  async function runOnce(): Promise<number> {
    const claimed = await refill();
    await settle();
    return claimed;
  }

  /**
   * The background round: records finished runs and fills free lanes, then waits until a lane
   * finishes or new deliveries are announced (a refill claims every due endpoint a free lane can
   * take, so there is nothing more to claim until then). Each endpoint's run goes on independently
   * of the others — a slow endpoint holds only its own lane, never the rest — and at most
   * WEBHOOK_CONCURRENCY endpoints are sent to at once.
   */
  async function round(): Promise<boolean> {
    poked = false;
    await refill();
    if (lanes.size === 0) return unrecorded.length > 0;
    // Also ends after the idle period: deliveries queued without a wake-up are found then.
    if (!poked) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, idleMs);
        nudge = () => resolve(clearTimeout(timer));
      });
    }
    nudge = undefined;
    return true;
  }
  const wake = () => {
    poke();
    loop.wake();
  };

  // A retry this worker scheduled wakes it when due (the safety poll would be up to its period late).
  let retryTimer: NodeJS.Timeout | undefined;
  let retryAt = Number.POSITIVE_INFINITY;
  function wakeAt(at: Date): void {
    if (at.getTime() >= retryAt) return;
    clearTimeout(retryTimer);
    retryAt = at.getTime();
    retryTimer = setTimeout(
      () => {
        retryAt = Number.POSITIVE_INFINITY;
        wake();
      },
      Math.max(0, retryAt - Date.now()),
    );
    retryTimer.unref();
  }

  const loop = createLoop(round, {
    idleMs,
    onError: (err) => {
      logger.warn({ err }, 'webhook worker round failed');
      return config.WEBHOOK_POLL_MS;
    },
  });

  let unlisten: (() => void) | undefined;
  return {
    runOnce,
    start() {
      unlisten ??= options.onNotify?.(CHANNELS.deliveries, wake);
      loop.start();
    },
    async stop() {
      unlisten?.();
      unlisten = undefined;
      clearTimeout(retryTimer);
      const stopping = loop.stop();
      nudge?.();
      await stopping;
      await settle().catch((err) => logger.error({ err }, 'recording webhook deliveries failed'));
      destroy();
    },
  };
}
