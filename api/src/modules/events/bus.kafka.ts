import { type Consumer, Kafka, type LogEntry, logLevel, type Producer } from 'kafkajs';
import { backoffMs } from '../../lib/backoff.js';
import type { Logger } from '../../lib/logger.js';
import type { BusEvent, BusHandler, EventBus, SubscribeOptions, Subscription } from './bus.js';

export interface KafkaBusOptions {
  brokers: string[];
  clientId: string;
  topic: string;
  partitions: number;
  retentionMs: number;
  logger: Logger;
  /** Partitions one consumer works on at the same time (order holds per partition, i.e. per key). */
  partitionsConsumedConcurrently?: number;
}

/**
 * Kafka adapter of the bus (kafkajs). One topic carries every event, keyed by aggregate id so one
 * order's events land on one partition in order. The producer is idempotent with one request in
 * flight (no reordering on retries) and waits for all in-sync replicas. Consumers commit an offset
 * only after the handler resolved; a handler that throws is retried on the same message, in place.
 */
export function createKafkaBus(options: KafkaBusOptions): EventBus {
  const { topic, logger } = options;
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

  async function connectedProducer(): Promise<Producer> {
    if (producer) return producer;
    const p = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await p.connect();
    producer = p;
    return p;
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
      const consumer = kafka.consumer({
        groupId: `${topic}.${group}`,
        allowAutoTopicCreation: false,
        sessionTimeout: 10_000,
        heartbeatInterval: 1_000,
        retry: { retries: 1_000_000, initialRetryTime: 200, maxRetryTime: 5_000 },
      });
      consumers.add(consumer);
      let open = true;
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 3,
        eachMessage: async ({ partition, message, heartbeat }) => {
          const event = JSON.parse(message.value?.toString('utf8') ?? 'null') as BusEvent;
          for (let failures = 0; ; ) {
            try {
              await handler(event);
              break;
            } catch (err) {
              if (!open) throw err;
              failures++;
              opts.onError?.(err);
              if (failures === 1)
                logger.warn({ err, group, event_id: event.id }, 'bus handler failed; retrying');
              await new Promise((r) => setTimeout(r, backoffMs(failures, 100, 5_000)));
              await heartbeat();
            }
          }
          await consumer.commitOffsets([
            { topic, partition, offset: (BigInt(message.offset) + 1n).toString() },
          ]);
        },
      });
      return {
        async close() {
          open = false;
          consumers.delete(consumer);
          await consumer.disconnect();
        },
      };
    },
    async close() {
      await Promise.all([...consumers].map((c) => c.disconnect().catch(() => {})));
      consumers.clear();
      await producer?.disconnect().catch(() => {});
      producer = undefined;
    },
  };
}
