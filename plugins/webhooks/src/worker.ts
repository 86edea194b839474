import http from 'node:http';
import https from 'node:https';
import { recordEvents } from '@souk/api/events';
import { CHANNELS, createLoop, type Database, type EventData } from '@souk/api/plugin-host';
import {
  type AttemptRecord,
  type ClaimedDelivery,
  claimDue,
  disableFailingEndpoint,
  guardedLookup,
  insertAttempt,
  isForbiddenAddress,
  markEndpointFailing,
  releaseDeliveries,
  settleDelivery,
  settleSucceeded,
} from '@souk/api/webhooks';
import type { PluginLogger } from '@souk/plugin-kit';
import type { Kysely } from 'kysely';
import type { WebhooksConfig } from './config.js';
import { type PostResult, postWebhook } from './deliver.js';
import { observeDelivery } from './metrics.js';
import { MAX_ATTEMPTS, nextAttemptAt } from './schedule.js';
import { signatureHeader } from './signature.js';

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
 * Sends queued webhook deliveries. Each is signed with every active secret of its endpoint, POSTed
 * (no redirects, a timeout, addresses checked again at connect time, connections kept alive), and its
 * attempt logged; a failure is retried on the schedule in `schedule.ts`. An endpoint failing for longer
 * than WEBHOOK_DISABLE_AFTER_HOURS is disabled and `webhook_endpoint.disabled` is recorded for its owner.
 *
 * Each endpoint has its own lane: a run of its due deliveries (up to WEBHOOK_RUN_LENGTH) is claimed,
 * sent one at a time in order, and its successes recorded, and only then is the endpoint claimed again;
 * up to WEBHOOK_CONCURRENCY lanes run side by side, and a lane that frees up is refilled at once, so a
 * slow endpoint holds only its own lane. A run stops at its first failure (recorded at once, with its
 * retry) or when it has taken longer than WEBHOOK_TIMEOUT_MS; what it did not send is released.
 * Successes of runs that finish close together are recorded in one transaction. The worker claims
 * when deliveries are queued (the host's wake-ups), a lane frees up or a retry it scheduled comes due,
 * and polls only as a safety net.
 */
export function createDeliveryWorker(options: WorkerOptions): DeliveryWorker {
  const { db, config, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const allowedHosts = config.WEBHOOK_ALLOWED_HOSTS;
  const lookup = guardedLookup({ allowedHosts });
  const requireHttps = config.NODE_ENV === 'production';

  function refuseAddress(ip: string): string | null {
    if (allowedHosts.includes(ip)) return null;
    return isForbiddenAddress(ip) ? `Refusing to connect to the forbidden address ${ip}.` : null;
  }

  const agents = {
    http: new http.Agent({ keepAlive: true, keepAliveMsecs: 10_000 }),
    https: new https.Agent({ keepAlive: true, keepAliveMsecs: 10_000 }),
  };

  async function send(d: ClaimedDelivery, startedAt: Date): Promise<PostResult> {
    const body = JSON.stringify(d.payload);
    if (requireHttps && !d.url.startsWith('https:'))
      return { statusCode: null, latencyMs: 0, excerpt: null, error: 'https is required' };
    return postWebhook({
      url: d.url,
      body,
      timeoutMs: config.WEBHOOK_TIMEOUT_MS,
      lookup,
      refuseAddress,
      agents,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Souk-Webhooks/1.0',
        'souk-event-id': d.event_id,
        'souk-event-type': d.event_type,
        'souk-delivery-id': d.id,
        'souk-signature': signatureHeader(body, d.secrets, Math.floor(startedAt.getTime() / 1000)),
      },
      // Whatever goes wrong while sending is a failed attempt that gets recorded: a throw here
      // would leave the delivery pending and its endpoint never reaching its disable point.
    }).catch((err: Error) => ({ statusCode: null, latencyMs: 0, excerpt: null, error: err.message }));
  }

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
   * Records successful attempts, batched: what finished while a recording transaction ran is recorded
   * together in the next one (runs of many endpoints finish close together under load).
   */
  let recording: Promise<void> = Promise.resolve();
  let unrecorded: AttemptRecord[] = [];
  function record(succeeded: readonly AttemptRecord[]): Promise<void> {
    unrecorded.push(...succeeded);
    const next = recording.then(async () => {
      if (unrecorded.length === 0) return;
      const batch = unrecorded;
      unrecorded = [];
      // Until this commits the deliveries stay claimed; if it fails they are sent again after
      // their lock expires (at least once).
      await db.transaction().execute((trx) => settleSucceeded(trx, batch));
    });
    recording = next.catch(() => {});
    return next;
  }

  /** Endpoints whose run is being sent or recorded: they are not claimed again until it is recorded. */
  const lanes = new Set<Promise<void>>();
  // Wakes a round waiting for a free lane or new deliveries; `poked` keeps a wake-up that came
  // while the round was claiming.
  let nudge: (() => void) | undefined;
  let poked = false;
  const poke = () => {
    poked = true;
    nudge?.();
  };

  /** Sends one endpoint's run and records its successes; the lane is free once they are recorded. */
  function startLane(run: readonly ClaimedDelivery[]): Promise<void> {
    const succeeded: AttemptRecord[] = [];
    const lane = sendRun(run, succeeded)
      .then(() => record(succeeded))
      .catch((err) => logger.error({ err }, 'a webhook delivery run failed'))
      .finally(() => {
        lanes.delete(lane);
        poke();
      });
    lanes.add(lane);
    return lane;
  }

  /** Claims runs for as many endpoints as there are free lanes and starts them. */
  async function claimLanes(): Promise<{ claimed: number; started: Promise<void>[] }> {
    const free = config.WEBHOOK_CONCURRENCY - lanes.size;
    if (free <= 0) return { claimed: 0, started: [] };
    const now = clock();
    // Held a little longer than one run can take; a crashed worker's claims expire after that.
    const lockUntil = new Date(now.getTime() + config.WEBHOOK_TIMEOUT_MS * 2 + 5_000);
    const due = await claimDue(db, free, now, lockUntil, config.WEBHOOK_RUN_LENGTH);
    const runs = new Map<string, ClaimedDelivery[]>();
    for (const d of due) runs.set(d.endpoint_id, [...(runs.get(d.endpoint_id) ?? []), d]);
    return { claimed: due.length, started: [...runs.values()].map(startLane) };
  }

  /** One round as a unit (tests): claims, sends and records, and resolves when all of it is done. */
  async function runOnce(): Promise<number> {
    const { claimed, started } = await claimLanes();
    await Promise.all(started);
    return claimed;
  }

  /**
   * The background round: fills free lanes, then waits until a lane finishes or new deliveries are
   * announced. Each endpoint's run goes on independently of the others — a slow endpoint holds only
   * its own lane, never the rest — and at most WEBHOOK_CONCURRENCY endpoints are sent to at once.
   */
  async function round(): Promise<boolean> {
    poked = false;
    const { started } = await claimLanes();
    if (lanes.size === 0) return false;
    if ((started.length === 0 || lanes.size >= config.WEBHOOK_CONCURRENCY) && !poked) {
      await new Promise<void>((resolve) => {
        nudge = resolve;
      });
      nudge = undefined;
    }
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
    idleMs: options.onNotify ? config.WEBHOOK_SAFETY_POLL_MS : config.WEBHOOK_POLL_MS,
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
      await Promise.all(lanes);
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
