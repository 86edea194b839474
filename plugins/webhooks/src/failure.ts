import { recordEvents } from '@souk/api/events';
import type { Database, EventData } from '@souk/api/plugin-host';
import {
  type ClaimedDelivery,
  disableFailingEndpoint,
  insertAttempt,
  markEndpointFailing,
  settleDelivery,
} from '@souk/api/webhooks';
import type { PluginLogger } from '@souk/plugin-kit';
import type { Kysely } from 'kysely';
import type { WebhooksConfig } from './config.js';
import type { PostResult } from './deliver.js';
import { observeDelivery } from './metrics.js';
import { MAX_ATTEMPTS, nextAttemptAt } from './schedule.js';

/**
 * Records a failed attempt with its retry (or gives up), in its own transaction; `wakeAt` is told
 * when the retry comes due. An endpoint failing for longer than WEBHOOK_DISABLE_AFTER_HOURS is
 * disabled and `webhook_endpoint.disabled` is recorded for its owner.
 */
export function createFailureRecorder(o: {
  db: Kysely<Database>;
  config: WebhooksConfig;
  logger: PluginLogger;
  clock: () => Date;
  wakeAt: (at: Date) => void;
}) {
  const { db, config, logger, clock } = o;
  return async function recordFailure(
    d: ClaimedDelivery,
    startedAt: Date,
    result: PostResult,
  ): Promise<void> {
    const number = d.attempt_count + 1;
    const now = clock();
    const next = number >= MAX_ATTEMPTS ? null : nextAttemptAt(number, now, config.WEBHOOK_RETRY_SCALE);
    observeDelivery(next ? 'retrying' : 'failed', result.latencyMs);
    if (next) o.wakeAt(next);
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
  };
}
