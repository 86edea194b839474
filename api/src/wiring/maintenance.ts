import type { DatabaseHandle } from '../db/database.js';
import type { DocumentStore } from '../documents/documents.js';
import { purgeIdempotencyKeys } from '../http/idempotency.repository.js';
import type { Logger } from '../lib/logger.js';
import { resyncReviews } from '../modules/reviews/index.js';

/**
 * Starts an instance's periodic upkeep and returns what stops it: the purge of idempotency keys older
 * than `idempotencyKeyTtlHours` (every 10 minutes), and the resync of review writes whose aggregate or
 * event sync an outage interrupted (every minute; see reviews.aggregates.ts). Neither timer keeps the
 * process alive; a failed run is logged and the next one tries again.
 */
export function startMaintenance({
  db,
  documents,
  logger,
  idempotencyKeyTtlHours,
}: {
  db: DatabaseHandle['db'];
  documents: DocumentStore;
  logger: Logger;
  idempotencyKeyTtlHours: number;
}): () => void {
  const maxAgeMs = idempotencyKeyTtlHours * 3_600_000;
  const purger = setInterval(() => {
    purgeIdempotencyKeys(db, maxAgeMs).catch((err) => logger.warn({ err }, 'idempotency key purge failed'));
  }, 600_000);
  purger.unref();
  const resyncer = setInterval(() => {
    resyncReviews({ db, documents }).catch((err) => logger.warn({ err }, 'review resync failed'));
  }, 60_000);
  resyncer.unref();
  return () => {
    clearInterval(purger);
    clearInterval(resyncer);
  };
}
