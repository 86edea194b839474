import type { Database } from '@souk/api/plugin-host';
import { queueDeliveriesForEvent, queueDeliveriesForEvents } from '@souk/api/webhooks';
import { definePlugin } from '@souk/plugin-kit';
import { type WebhooksConfig, webhooksConfig } from './config.js';
import { createDeliveryWorker, type DeliveryWorker } from './worker.js';

export { type WebhooksConfig, webhooksConfig } from './config.js';
export { signatureHeader } from './signature.js';
export { createDeliveryWorker } from './worker.js';

/** One worker per host that runs the plugin (tests may run several hosts in one process). */
const workers = new WeakMap<object, DeliveryWorker>();

/**
 * The webhooks plugin. For every event it queues one delivery per enabled endpoint that may see it
 * and subscribes to its type — in the event's processing transaction, so a redelivered event never
 * queues twice — and a worker (started in `init`) sends the queued deliveries.
 */
export default definePlugin<Database, WebhooksConfig>({
  name: 'webhooks',
  version: '1.0.0',
  config: webhooksConfig,
  subscribe: [
    {
      event: '*',
      handle: async (event, { trx }) => {
        await queueDeliveriesForEvent(trx, event);
      },
      // A run of events in one INSERT: the same rows as `handle` per event, in event order.
      handleBatch: async (events, { trx }) => {
        await queueDeliveriesForEvents(trx, events);
      },
    },
  ],
  init(ctx) {
    const worker = createDeliveryWorker({
      db: ctx.db,
      config: ctx.config,
      logger: ctx.logger,
      onNotify: ctx.onNotify,
    });
    workers.set(ctx, worker);
    worker.start();
  },
  async destroy(ctx) {
    await workers.get(ctx)?.stop();
    workers.delete(ctx);
  },
});
