import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { Notifications } from '../../db/notifications.js';
import type { Database } from '../../db/schema.js';
import type { Logger } from '../../lib/logger.js';
import { createEmbeddedBus } from './bus.embedded.js';
import type { EventBus } from './bus.js';
import { createRelay, type Relay } from './relay.js';

/** The database's wake-ups, unless the configuration turned them off (EVENT_WAKEUPS=false). */
const wakeups = (config: Config, notifications: Notifications | undefined) =>
  config.EVENT_WAKEUPS ? notifications : undefined;

/**
 * The bus the configuration names: Kafka when `KAFKA_BROKERS` is set, else the embedded bus. The Kafka
 * adapter (and kafkajs) is imported only when named, so a start without it loads neither.
 */
export async function createEventBus(
  config: Config,
  db: Kysely<Database>,
  logger: Logger,
  notifications?: Notifications,
): Promise<EventBus> {
  if (config.KAFKA_BROKERS) {
    const { createKafkaBus } = await import('./bus.kafka.js');
    return createKafkaBus({
      brokers: config.KAFKA_BROKERS.split(','),
      clientId: config.KAFKA_CLIENT_ID,
      topic: config.KAFKA_TOPIC,
      partitions: config.KAFKA_TOPIC_PARTITIONS,
      retentionMs: config.KAFKA_TOPIC_RETENTION_MS,
      logger,
    });
  }
  return createEmbeddedBus({
    db,
    logger,
    pollMs: config.RELAY_POLL_MS,
    notifications: wakeups(config, notifications),
    safetyPollMs: config.EVENT_SAFETY_POLL_MS,
    // A consumer's run is what one relay round marked: one plugin-runner transaction per round.
    batchSize: config.RELAY_BATCH_SIZE,
  });
}

/** The outbox relay with the configuration's batch size and polling interval. */
export function createConfiguredRelay(
  config: Config,
  db: Kysely<Database>,
  bus: EventBus,
  logger: Logger,
  notifications?: Notifications,
): Relay {
  return createRelay({
    db,
    bus,
    logger: logger.child({ component: 'relay' }),
    batchSize: config.RELAY_BATCH_SIZE,
    pollMs: config.RELAY_POLL_MS,
    notifications: wakeups(config, notifications),
    safetyPollMs: config.EVENT_SAFETY_POLL_MS,
  });
}
