import { Counter, Histogram, register } from 'prom-client';

/*
 * The webhooks plugin's metrics, on prom-client's default registry: the host process (API or plugin
 * runner) serves that registry on /metrics, so these appear there without the plugin knowing where.
 */

const deliveries = new Counter({
  name: 'souk_webhook_deliveries_total',
  help: 'Webhook delivery attempts by outcome: succeeded, retrying (failed, another attempt is scheduled), failed (gave up).',
  labelNames: ['outcome'] as const,
  registers: [register],
});

const latency = new Histogram({
  name: 'souk_webhook_delivery_duration_seconds',
  help: 'Time the receiver took to answer a delivery attempt, by result (success, error).',
  labelNames: ['result'] as const,
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [register],
});

const deadLetters = new Counter({
  name: 'souk_webhook_dead_letters_total',
  help: 'Webhook deliveries given up after the last scheduled attempt (status failed; replayable).',
  registers: [register],
});

/** Records one delivery attempt. */
export function observeDelivery(outcome: 'succeeded' | 'retrying' | 'failed', latencyMs: number): void {
  deliveries.inc({ outcome });
  latency.observe({ result: outcome === 'succeeded' ? 'success' : 'error' }, latencyMs / 1000);
  if (outcome === 'failed') deadLetters.inc();
}
