import { type Consumer, Kafka, type LogEntry, logLevel, type Producer } from 'kafkajs';
import { backoffMs } from '../../lib/backoff.js';
import type { Logger } from '../../lib/logger.js';
import type {
  BusBatchHandler,
  BusEvent,
  BusHandler,
  EventBus,
  SubscribeOptions,
  Subscription,
} from './bus.js';
import { fixKafkaRequestQueue } from './kafka.request-queue.js';

export interface KafkaBusOptions {
  brokers: string[];
  clientId: string;
  topic: string;
  partitions: number;
  retentionMs: number;
  logger: Logger;
  /** Partitions one consumer works on at the same time (order holds per partition, i.e. per key). */
  partitionsConsumedConcurrently?: number;
  /** Most events handed to a batch handler at once (a fetched batch is split into runs this long). */
  batchSize?: number;
}

/**
 * Kafka adapter of the bus (kafkajs). One topic carries every event, keyed by aggregate id so one
 * order's events land on one partition in order. The producer is idempotent with one request in
 * flight (no reordering on retries) and waits for all in-sync replicas. Consumers commit an offset
 * only after the handler resolved; a handler that throws is retried on the same message, in place.
 */
export function createKafkaBus(options: KafkaBusOptions): EventBus {
  const { topic, logger } = options;
  fixKafkaRequestQueue();
  const kafka = new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    connectionTimeout: 3_000,
    requestTimeout: 10_000,
    retry: { retries: 3, initialRetryTime: 100, maxRetryTime: 2_000 },
    logLevel: logLevel.WARN,
    // kafkajs logs every reconnect attempt as an error; keep them at debug, the relay reports outages.
    logCreator: () => (entry: LogEntry) => {
      const { message, ...extra } = entry.log;
      logger.debug({ kafka: entry.namespace, ...extra }, message);
    },
  });
  let producer: Producer | undefined;
  const consumers = new Set<Consumer>();
  const open = new WeakMap<Consumer, { open: boolean }>();

  async function connectedProducer(): Promise<Producer> {
    if (producer) return producer;
    const p = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await p.connect();
    producer = p;
    return p;
  }

  /** A connected consumer of the topic for `group`, and how it retries a throwing handler in place. */
  async function consumerFor(group: string, opts: SubscribeOptions) {
    const consumer = kafka.consumer({
      groupId: `${topic}.${group}`,
      allowAutoTopicCreation: false,
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
      // A consumer's disconnect waits for its fetch in flight: at kafkajs's 5 s, shutting an API down took
      // ~9.7 s; at 2 s, 2.7 s (a fetch still returns at once when there are events).
      maxWaitTimeInMs: 2_000,
      retry: { retries: 1_000_000, initialRetryTime: 200, maxRetryTime: 5_000 },
    });
    consumers.add(consumer);
    const state = { open: true };
    open.set(consumer, state);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const retrying = async (eventId: string, run: () => Promise<void>, heartbeat: () => Promise<void>) => {
      for (let failures = 0; ; ) {
        try {
          return await run();
        } catch (err) {
          if (!state.open) throw err;
          failures++;
          opts.onError?.(err);
          if (failures === 1) logger.warn({ err, group, event_id: eventId }, 'bus handler failed; retrying');
          await new Promise((r) => setTimeout(r, backoffMs(failures, 100, 5_000)));
          await heartbeat();
        }
      }
    };
    return { consumer, retrying };
  }

  function closer(consumer: Consumer): Subscription {
    return {
      async close() {
        const state = open.get(consumer);
        if (state) state.open = false;
        consumers.delete(consumer);
        await consumer.disconnect();
      },
    };
  }

  return {
    kind: 'kafka',
    async setup() {
      const admin = kafka.admin();
      await admin.connect();
      try {
        await admin.createTopics({
          waitForLeaders: true,
          topics: [
            {
              topic,
              numPartitions: options.partitions,
              configEntries: [{ name: 'retention.ms', value: String(options.retentionMs) }],
            },
          ],
        });
      } finally {
        await admin.disconnect();
      }
    },
    async publish(events: readonly BusEvent[]) {
      if (events.length === 0) return;
      try {
        const p = await connectedProducer();
        await p.send({
          topic,
          acks: -1,
          messages: events.map((e) => ({
            key: e.aggregate_id,
            value: JSON.stringify(e),
            headers: { 'souk-event-id': e.id, 'souk-event-type': e.type },
          })),
        });
      } catch (err) {
        // Start from a fresh connection next round: after a broker restart the old one is stale.
        const stale = producer;
        producer = undefined;
        await stale?.disconnect().catch(() => {});
        throw err;
      }
    },
    async subscribe(group: string, handler: BusHandler, opts: SubscribeOptions = {}): Promise<Subscription> {
      const { consumer, retrying } = await consumerFor(group, opts);
      await consumer.run({
        autoCommit: false,
        partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 3,
        eachMessage: async ({ partition, message, heartbeat }) => {
          const event = JSON.parse(message.value?.toString('utf8') ?? 'null') as BusEvent;
          await retrying(event.id, () => handler(event), heartbeat);
          await consumer.commitOffsets([
            { topic, partition, offset: (BigInt(message.offset) + 1n).toString() },
          ]);
        },
      });
      return closer(consumer);
    },
    async subscribeBatch(
      group: string,
      handler: BusBatchHandler,
      opts: SubscribeOptions = {},
    ): Promise<Subscription> {
      const { consumer, retrying } = await consumerFor(group, opts);
      const runLength = options.batchSize ?? 200;
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 3,
        eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
          const { messages, partition } = batch;
          for (let i = 0; i < messages.length; i += runLength) {
            if (!isRunning() || isStale()) return;
            const run = messages.slice(i, i + runLength);
            const events = run.map((m) => JSON.parse(m.value?.toString('utf8') ?? 'null') as BusEvent);
            await retrying(events[0]?.id ?? '', () => handler(events), heartbeat);
            const last = run[run.length - 1];
            if (!last) continue;
            resolveOffset(last.offset);
            await consumer.commitOffsets([
              { topic, partition, offset: (BigInt(last.offset) + 1n).toString() },
            ]);
            await heartbeat();
          }
        },
      });
      return closer(consumer);
    },
    async close() {
      await Promise.all([...consumers].map((c) => c.disconnect().catch(() => {})));
      consumers.clear();
      await producer?.disconnect().catch(() => {});
      producer = undefined;
    },
  };
}
