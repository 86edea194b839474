import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import { backoffMs } from '../../lib/backoff.js';
import type { Logger } from '../../lib/logger.js';
import { busConsumerRestarts, busUnreadableMessages } from '../../observability/metrics.js';
import type { BusEvent, SubscribeOptions, Subscription } from './bus.js';

/** Runs a handler until it resolves, retrying it in place; gives up only once its consumer is retired. */
export type Retrying = (
  eventId: string,
  run: () => Promise<void>,
  heartbeat: () => Promise<void>,
) => Promise<void>;

export interface SupervisedConsumerOptions extends SubscribeOptions {
  kafka: Kafka;
  topic: string;
  /** The consumer group's id. */
  groupId: string;
  /** The group's name in logs and metrics (without the topic). */
  group: string;
  logger: Logger;
  /** Starts consuming on a connected, subscribed consumer (`consumer.run`). */
  run(consumer: Consumer, retrying: Retrying): Promise<void>;
}

/** A consumer of the group, and whether the subscription still works with it. */
interface Current {
  consumer: Consumer;
  open: boolean;
}

/**
 * A consumer group's subscription that keeps a consumer running until it is closed.
 *
 * kafkajs restarts a crashed consumer only when it deems the cause retriable, and otherwise stops it
 * for good and says so only in its own log: the group then reads nothing until the process restarts,
 * while the outbox relay goes on publishing. So kafkajs restarts nothing here (`restartOnFailure`
 * answers false); after any crash the subscription retires that consumer and starts a fresh one —
 * new connections, new metadata, a new member of the group — after a backoff that grows while the
 * crashes go on (200 ms to 5 s) and starts again from the bottom once a consumer joined the group.
 * The first start's failure is the caller's; later ones are retried the same way.
 */
export async function superviseConsumer(options: SupervisedConsumerOptions): Promise<Subscription> {
  const { kafka, topic, groupId, group, logger } = options;
  let closed = false;
  let current: Current | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let crashes = 0;

  const retire = async (c: Current) => {
    c.open = false;
    await c.consumer.disconnect().catch(() => {});
  };

  const start = async () => {
    const consumer = kafka.consumer({
      groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
      // A consumer's disconnect waits for its fetch in flight: at kafkajs's 5 s, shutting an API down took
      // ~9.7 s; at 2 s, 2.7 s (a fetch still returns at once when there are events).
      maxWaitTimeInMs: 2_000,
      retry: {
        retries: 1_000_000,
        initialRetryTime: 200,
        maxRetryTime: 5_000,
        restartOnFailure: async () => false,
      },
    });
    const c: Current = { consumer, open: true };
    current = c;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      crashes = 0;
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!c.open || closed) return;
      void retire(c);
      replace(payload.error);
    });
    const retrying: Retrying = async (eventId, run, heartbeat) => {
      for (let failures = 0; ; ) {
        try {
          return await run();
        } catch (err) {
          if (!c.open) throw err;
          failures++;
          options.onError?.(err);
          if (failures === 1) logger.warn({ err, group, event_id: eventId }, 'bus handler failed; retrying');
          await new Promise((r) => setTimeout(r, backoffMs(failures, 100, 5_000)));
          await heartbeat();
        }
      }
    };
    try {
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await options.run(consumer, retrying);
    } catch (err) {
      await retire(c);
      throw err;
    }
    // Closed while this one was starting: close() retired it mid-connect, which may not have held.
    if (closed) await retire(c);
  };

  const replace = (err: unknown) => {
    crashes++;
    busConsumerRestarts.inc({ group });
    const delay = backoffMs(crashes, 200, 5_000);
    // Once per outage and then now and again: a broker down makes a consumer crash every few seconds.
    if (crashes === 1 || crashes % 50 === 0) {
      logger.warn({ err, group, crashes, retry_in_ms: delay }, 'bus consumer stopped; starting a new one');
    }
    timer = setTimeout(() => {
      timer = undefined;
      if (closed) return;
      start().catch((e: unknown) => {
        if (!closed) replace(e);
      });
    }, delay);
  };

  await start();
  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      if (current) await retire(current);
    },
  };
}

/**
 * The event a message carries, or undefined — after saying so — when it carries none (not JSON, not
 * an event). Only the relay writes events to the topic, but anything with access can write to it; a
 * message that no handler can ever read is skipped rather than crashing the consumer on it forever.
 */
export function readEvent(
  message: KafkaMessage,
  where: { group: string; partition: number; logger: Logger },
) {
  try {
    const event = JSON.parse(message.value?.toString('utf8') ?? 'null') as BusEvent | null;
    if (
      event &&
      typeof event === 'object' &&
      typeof event.id === 'string' &&
      typeof event.type === 'string'
    ) {
      return event;
    }
  } catch {
    // Reported below with the message's place in the log.
  }
  busUnreadableMessages.inc({ group: where.group });
  where.logger.error(
    {
      group: where.group,
      partition: where.partition,
      offset: message.offset,
      bytes: message.value?.length ?? 0,
    },
    'bus message is not an event; skipped',
  );
  return undefined;
}
