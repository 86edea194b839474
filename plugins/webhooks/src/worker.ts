import { CHANNELS, createLoop, type Database } from '@souk/api/plugin-host';
import {
  type AttemptRecord,
  type ClaimedDelivery,
  releaseDeliveries,
  settleAndClaim,
} from '@souk/api/webhooks';
import type { PluginLogger } from '@souk/plugin-kit';
import type { Kysely } from 'kysely';
import type { WebhooksConfig } from './config.js';
import { createFailureRecorder } from './failure.js';
import type { Lane, Run } from './lane.js';
import { observeDelivery } from './metrics.js';
import { createRetryTimer } from './retry-timer.js';
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
 * and logs each attempt; a failure is recorded at once with its retry (`failure.ts`).
 *
 * Each endpoint has its own lane, sending its due deliveries one at a time in order; up to
 * WEBHOOK_CONCURRENCY lanes run side by side, so a slow endpoint holds only its own lane. Lanes are fed
 * by refills, one transaction at a time (`settleAndClaim`, under the claim lock): a refill records the
 * successes lanes reported since the last one, claims a run (up to WEBHOOK_RUN_LENGTH) for each free
 * lane, and claims ahead the next run of each lane still sending — so a lane goes from one run to the
 * next without waiting for a claim. A lane reports its successes every half run and waits only when
 * WEBHOOK_RUN_LENGTH of them are still unrecorded: a crash re-sends at most one run's length per
 * endpoint (at least once). A run stops at its first failure or when it has taken longer than
 * WEBHOOK_TIMEOUT_MS (or its lock is about to end); what it did not send, and the run claimed ahead, are
 * released. The worker refills when deliveries are queued (the host's wake-ups), a lane reports, or a
 * retry it scheduled comes due, and polls only as a safety net.
 */
export function createDeliveryWorker(options: WorkerOptions): DeliveryWorker {
  const { db, config, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const { send, destroy } = createSender(config);
  const recordFailure = createFailureRecorder({
    db,
    config,
    logger,
    clock,
    wakeAt: (at) => retries.wakeAt(at),
  });
  const runLength = config.WEBHOOK_RUN_LENGTH;
  const reportEvery = Math.ceil(runLength / 2);

  /** Successes reported by lanes, not yet recorded: the next refill records them. */
  let unrecorded: { lane: Lane; attempt: AttemptRecord }[] = [];
  const idleMs = options.onNotify ? config.WEBHOOK_SAFETY_POLL_MS : config.WEBHOOK_POLL_MS;
  /** Lanes by endpoint, and the promises of their sending (for `settle`). */
  const lanes = new Map<string, Lane>();
  const sending = new Set<Promise<void>>();
  let stopping = false;
  // Wakes a round waiting for a lane to report or new deliveries; `poked` keeps a wake-up that came
  // while the round was refilling.
  let nudge: (() => void) | undefined;
  let poked = false;
  const poke = () => {
    poked = true;
    nudge?.();
  };
  // Lanes waiting for their successes to be recorded; released after every refill (and on stop).
  let waiting: (() => void)[] = [];
  const refilled = () => new Promise<void>((resolve) => waiting.push(resolve));
  const wakeWaiting = () => {
    const w = waiting;
    waiting = [];
    for (const resolve of w) resolve();
  };
  const release = (deliveries: readonly ClaimedDelivery[]) =>
    releaseDeliveries(
      db,
      deliveries.map((d) => d.id),
    );

  /** Sends a lane's runs in order until none was claimed ahead; returns whether every run was sent. */
  async function sendLane(lane: Lane, first: Run): Promise<boolean> {
    let run: Run | undefined = first;
    let report: AttemptRecord[] = [];
    const flush = () => {
      if (report.length === 0) return;
      for (const attempt of report) unrecorded.push({ lane, attempt });
      report = [];
      poke();
    };
    while (run) {
      const began = performance.now();
      for (const [i, d] of run.deliveries.entries()) {
        if (lane.unsettled >= runLength) flush();
        while (lane.unsettled >= runLength && !stopping) await refilled();
        const startedAt = clock();
        // Never send what could outlive its lock (another worker may claim it then).
        const lockEnding = startedAt.getTime() + config.WEBHOOK_TIMEOUT_MS + 1_000 > run.lockUntil.getTime();
        const late = i > 0 && performance.now() - began > config.WEBHOOK_TIMEOUT_MS;
        if (lockEnding || late || lane.unsettled >= runLength) {
          flush();
          await release(run.deliveries.slice(i));
          return false;
        }
        const result = await send(d, startedAt);
        if (result.error !== null) {
          flush();
          await recordFailure(d, startedAt, result).catch((err) =>
            logger.error({ err, delivery_id: d.id }, 'recording a webhook attempt failed'),
          );
          // The endpoint's later deliveries wait for the next claim (after this one's retry is set).
          await release(run.deliveries.slice(i + 1));
          return false;
        }
        observeDelivery('succeeded', result.latencyMs);
        lane.unsettled += 1;
        report.push({
          deliveryId: d.id,
          number: d.attempt_count + 1,
          startedAt,
          statusCode: result.statusCode,
          latencyMs: result.latencyMs,
          excerpt: result.excerpt,
          error: null,
        });
        if (report.length >= reportEvery) flush();
      }
      flush();
      run = stopping ? undefined : lane.next;
      if (run) {
        lane.next = undefined;
        lane.heldUntil = run.lockUntil;
      }
    }
    return true;
  }

  /** Starts an endpoint's lane with its first run (again, for a lane that sent its last run). */
  function startLane(
    endpointId: string,
    run: Run,
    lane: Lane = { endpointId, heldUntil: run.lockUntil, unsettled: 0, state: 'sending' },
  ): void {
    lane.state = 'sending';
    lane.heldUntil = run.lockUntil;
    lanes.set(endpointId, lane);
    const done: Promise<void> = sendLane(lane, run)
      .catch((err) => {
        logger.error({ err }, 'a webhook delivery run failed');
        return false;
      })
      .then(async (complete) => {
        lane.state = complete && !stopping ? 'drained' : 'stopped';
        lanes.delete(endpointId);
        const next = lane.next;
        lane.next = undefined;
        if (next) await release(next.deliveries);
      })
      .catch((err) => logger.error({ err }, 'releasing webhook deliveries failed'))
      .finally(() => {
        sending.delete(done);
        poke();
      });
    sending.add(done);
  }

  /**
   * Records the successes lanes reported, claims runs for every free lane and the next run of every
   * lane still sending, in one transaction, and hands them out. Returns how many deliveries it
   * claimed. If it fails, the unrecorded deliveries stay claimed and are sent again once their lock
   * expires (at least once).
   */
  async function refill(claim = true): Promise<number> {
    const free = claim ? config.WEBHOOK_CONCURRENCY - lanes.size : 0;
    const asked = new Map<string, Lane>();
    if (claim && !stopping) {
      for (const lane of lanes.values())
        if (lane.state === 'sending' && !lane.next) asked.set(lane.endpointId, lane);
    }
    if (free <= 0 && asked.size === 0 && unrecorded.length === 0) return 0;
    const taken = unrecorded;
    unrecorded = [];
    const now = clock();
    // Held a little longer than one run can take (two for a run claimed ahead, which waits for the
    // run before it); a crashed worker's claims expire after that.
    const lockUntil = new Date(now.getTime() + config.WEBHOOK_TIMEOUT_MS * 2 + 5_000);
    const aheadLockUntil = new Date(now.getTime() + config.WEBHOOK_TIMEOUT_MS * 4 + 5_000);
    let due: ClaimedDelivery[];
    try {
      due = await settleAndClaim(db, {
        succeeded: taken.map((u) => u.attempt),
        limit: Math.max(0, free),
        now,
        lockUntil,
        perEndpoint: runLength,
        ahead: [...asked.values()].map((l) => ({ endpointId: l.endpointId, heldUntil: l.heldUntil })),
        aheadLockUntil,
      });
    } finally {
      for (const u of taken) u.lane.unsettled -= 1;
      wakeWaiting();
    }
    const runs = new Map<string, ClaimedDelivery[]>();
    for (const d of due) runs.set(d.endpoint_id, [...(runs.get(d.endpoint_id) ?? []), d]);
    const unwanted: ClaimedDelivery[] = [];
    for (const [endpointId, deliveries] of runs) {
      const lane = asked.get(endpointId);
      if (!lane) startLane(endpointId, { deliveries, lockUntil });
      else if (lane.state === 'sending') lane.next = { deliveries, lockUntil: aheadLockUntil };
      // The lane sent its last run meanwhile: this one follows it (the same lane, which still counts
      // what it sent unrecorded). One that ended early released deliveries before these: they go
      // back, to be claimed in order.
      else if (lane.state === 'drained' && !stopping)
        startLane(endpointId, { deliveries, lockUntil: aheadLockUntil }, lane);
      else unwanted.push(...deliveries);
    }
    await release(unwanted);
    return due.length;
  }

  /** Sends what is in flight to the end and records it. */
  async function settle(): Promise<void> {
    while (sending.size > 0) await Promise.all(sending);
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

  // A retry this worker scheduled wakes it when due.
  const retries = createRetryTimer(wake);

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
      retries.clear();
      stopping = true;
      const stopped = loop.stop();
      nudge?.();
      wakeWaiting();
      await stopped;
      await settle().catch((err) => logger.error({ err }, 'recording webhook deliveries failed'));
      destroy();
    },
  };
}
