import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { kafkaBrokers, uniqueTopic, waitFor } from '../../../test/support/events.js';
import { createLogger } from '../../lib/logger.js';
import type { BusEvent, EventBus, Subscription } from './bus.js';
import { createKafkaBus } from './bus.kafka.js';
import { fixKafkaRequestQueue } from './kafka.request-queue.js';

const require = createRequire(import.meta.url);
const Queue = require('kafkajs/src/network/requestQueue/index.js') as {
  prototype: { checkPendingRequests(): void };
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!kafkaBrokers)('kafkajs request queue on an idle bus (kafka)', () => {
  let bus: EventBus | undefined;
  let sub: Subscription | undefined;
  afterAll(async () => {
    await sub?.close();
    await bus?.close();
  });

  it('is applied to the installed kafkajs', () => {
    expect(fixKafkaRequestQueue()).toBe(true);
  });

  it('does not re-check its connections every millisecond while nothing waits to be sent', async () => {
    bus = createKafkaBus({
      brokers: kafkaBrokers?.split(',') ?? [],
      clientId: 'souk-test',
      topic: uniqueTopic(),
      partitions: 1,
      retentionMs: 3_600_000,
      logger: createLogger('silent'),
    });
    await bus.setup();
    const seen: string[] = [];
    sub = await bus.subscribe('idle', async (event) => {
      seen.push(event.id);
    });
    // A producer, a consumer and its group coordinator are open once an event went through.
    const event = {
      id: 'evt_idle_probe',
      type: 'product.updated',
      aggregate_id: 'p1',
    } as unknown as BusEvent;
    await bus.publish([event]);
    await waitFor('the probe event', () => seen.includes(event.id));
    await sleep(500);

    let checks = 0;
    const original = Queue.prototype.checkPendingRequests;
    Queue.prototype.checkPendingRequests = function (this: unknown) {
      checks++;
      original.call(this);
    };
    try {
      await sleep(1_000);
    } finally {
      Queue.prototype.checkPendingRequests = original;
    }
    // Heartbeats (one a second per consumer) and fetch answers still check the queue when they
    // complete; kafkajs 2.2.4 as released re-checked each open connection about 1,000 times a second.
    expect(checks).toBeLessThan(50);
  });
});
