import { Kafka, type LogEntry, logLevel, type Producer } from 'kafkajs';
import type { Logger } from '../../lib/logger.js';
import type {
  BusBatchHandler,
  BusEvent,
  BusHandler,
  EventBus,
  SubscribeOptions,
  Subscription,
} from './bus.js';
import { readEvent, type SupervisedConsumerOptions, superviseConsumer } from './kafka.consumer.js';
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
 * Each group's consumer is supervised: one kafkajs stops after a crash is replaced (`kafka.consumer.ts`).
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
  const subscriptions = new Set<Subscription>();

  async function connectedProducer(): Promise<Producer> {
    if (producer) return producer;
    const p = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await p.connect();
    producer = p;
    return p;
  }

  /** A group's supervised consumer (see `superviseConsumer`), closed with the bus. */
  async function subscribeWith(
    group: string,
    opts: SubscribeOptions,
    run: SupervisedConsumerOptions['run'],
  ): Promise<Subscription> {
    const supervised = await superviseConsumer({
      ...opts,
      kafka,
      topic,
      groupId: `${topic}.${group}`,
      group,
      logger,
      run,
    });
    const subscription: Subscription = {
      async close() {
        subscriptions.delete(subscription);
        await supervised.close();
      },
    };
    subscriptions.add(subscription);
    return subscription;
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
    subscribe(group: string, handler: BusHandler, opts: SubscribeOptions = {}): Promise<Subscription> {
      return subscribeWith(group, opts, (consumer, retrying) =>
        consumer.run({
          autoCommit: false,
          partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 3,
          eachMessage: async ({ partition, message, heartbeat }) => {
            const event = readEvent(message, { group, partition, logger });
            if (event) await retrying(event.id, () => handler(event), heartbeat);
            await consumer.commitOffsets([
              { topic, partition, offset: (BigInt(message.offset) + 1n).toString() },
            ]);
          },
        }),
      );
    },
    subscribeBatch(
      group: string,
      handler: BusBatchHandler,
      opts: SubscribeOptions = {},
    ): Promise<Subscription> {
      const runLength = options.batchSize ?? 200;
      return subscribeWith(group, opts, (consumer, retrying) =>
        consumer.run({
          autoCommit: false,
          eachBatchAutoResolve: false,
          partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 3,
          eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
            const { messages, partition } = batch;
            for (let i = 0; i < messages.length; i += runLength) {
              if (!isRunning() || isStale()) return;
              const run = messages.slice(i, i + runLength);
              const events = run.flatMap((m) => readEvent(m, { group, partition, logger }) ?? []);
              if (events.length > 0) await retrying(events[0]?.id ?? '', () => handler(events), heartbeat);
              const last = run[run.length - 1];
              if (!last) continue;
              resolveOffset(last.offset);
              await consumer.commitOffsets([
                { topic, partition, offset: (BigInt(last.offset) + 1n).toString() },
              ]);
              await heartbeat();
            }
          },
        }),
      );
    },
    async close() {
      await Promise.all([...subscriptions].map((s) => s.close().catch(() => {})));
      await producer?.disconnect().catch(() => {});
      producer = undefined;
    },
  };
}
