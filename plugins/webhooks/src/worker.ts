import { recordEvents } from '@souk/api/events';
import { createLoop, type Database, type EventData } from '@souk/api/plugin-host';
import {
  type ClaimedDelivery,
  claimDue,
  disableFailingEndpoint,
  guardedLookup,
  insertAttempt,
  isForbiddenAddress,
  markEndpointFailing,
  markEndpointHealthy,
  settleDelivery,
} from '@souk/api/webhooks';
import type { PluginLogger } from '@souk/plugin-kit';
import type { Kysely } from 'kysely';
import type { WebhooksConfig } from './config.js';
import { postWebhook } from './deliver.js';
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
}

/**
 * Sends queued webhook deliveries. Each is signed with every active secret of its endpoint, POSTed
 * (no redirects, a timeout, addresses checked again at connect time), and its attempt logged; a
 * failure is retried on the schedule in `schedule.ts`. An endpoint failing for longer than
 * WEBHOOK_DISABLE_AFTER_HOURS is disabled and `webhook_endpoint.disabled` is recorded for its owner.
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

  async function attempt(d: ClaimedDelivery): Promise<void> {
    const startedAt = clock();
    const body = JSON.stringify(d.payload);
    const result =
      requireHttps && !d.url.startsWith('https:')
        ? { statusCode: null, latencyMs: 0, excerpt: null, error: 'https is required' }
        : await postWebhook({
            url: d.url,
            body,
            timeoutMs: config.WEBHOOK_TIMEOUT_MS,
            lookup,
            refuseAddress,
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
    const number = d.attempt_count + 1;
    const ok = result.error === null;
    const now = clock();
    const next = ok || number >= MAX_ATTEMPTS ? null : nextAttemptAt(number, now, config.WEBHOOK_RETRY_SCALE);
    observeDelivery(ok ? 'succeeded' : next ? 'retrying' : 'failed', result.latencyMs);
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
        status: ok ? 'succeeded' : next ? 'pending' : 'failed',
        attempts: number,
        nextAttemptAt: next,
      });
      if (ok) return markEndpointHealthy(trx, d.endpoint_id);
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

  async function runOnce(): Promise<number> {
    const now = clock();
    // Held a little longer than one attempt can take; a crashed worker's claims expire after that.
    const lockUntil = new Date(now.getTime() + config.WEBHOOK_TIMEOUT_MS * 2 + 5_000);
    const due = await claimDue(db, config.WEBHOOK_CONCURRENCY, now, lockUntil);
    await Promise.all(
      due.map((d) =>
        attempt(d).catch((err) =>
          logger.error({ err, delivery_id: d.id }, 'recording a webhook attempt failed'),
        ),
      ),
    );
    return due.length;
  }

  const loop = createLoop(async () => (await runOnce()) > 0, {
    idleMs: config.WEBHOOK_POLL_MS,
    onError: (err) => {
      logger.warn({ err }, 'webhook worker round failed');
      return config.WEBHOOK_POLL_MS;
    },
  });

  return {
    runOnce,
    start: loop.start,
    stop: loop.stop,
  };
}
