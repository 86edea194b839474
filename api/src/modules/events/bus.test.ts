import { describe, it } from 'vitest';
import { kafkaBrokers, uniqueTopic } from '../../../test/support/events.js';
import { createLogger } from '../../lib/logger.js';
import { describeBusContract } from './bus.contract.js';
import { createEmbeddedBus } from './bus.embedded.js';
import { createKafkaBus } from './bus.kafka.js';

const logger = createLogger('silent');

describeBusContract('embedded', (tdb) =>
  createEmbeddedBus({ db: tdb.container.database.db, logger, pollMs: 20 }),
);
// Runs shorter than the contract's streams: the next run is read while one is handled.
describeBusContract('embedded, runs of 2', (tdb) =>
  createEmbeddedBus({ db: tdb.container.database.db, logger, pollMs: 20, batchSize: 2 }),
);

const brokers = kafkaBrokers?.split(',');
if (brokers) {
  describeBusContract('kafka', () =>
    createKafkaBus({
      brokers,
      clientId: 'souk-test',
      topic: uniqueTopic(),
      partitions: 3,
      retentionMs: 3_600_000,
      logger,
    }),
  );
} else {
  describe('event bus contract: kafka', () => {
    it.skip('runs when KAFKA_BROKERS is set (CI starts a real broker)', () => {});
  });
}
