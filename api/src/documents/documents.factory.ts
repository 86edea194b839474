import type { Kysely } from 'kysely';
import type { Logger } from '../lib/logger.js';
import type { DocumentStore } from './documents.js';
import { createSqlDocumentStore } from './documents.sql.js';

/**
 * The store the configuration names: MongoDB (or FerretDB) when `MONGO_URL` is set, else JSONB in SQL.
 * The MongoDB adapter (and its driver) is imported only when named, so a start without it loads neither.
 */
export async function createDocumentStore<DB>(
  config: { MONGO_URL?: string | undefined; MONGO_DATABASE?: string | undefined },
  db: Kysely<DB>,
  logger: Logger,
): Promise<DocumentStore> {
  if (!config.MONGO_URL) return createSqlDocumentStore(db);
  const { createMongoDocumentStore } = await import('./documents.mongo.js');
  return createMongoDocumentStore({
    url: config.MONGO_URL,
    database: config.MONGO_DATABASE ?? databaseOf(config.MONGO_URL),
    logger: logger.child({ component: 'mongodb' }),
  });
}

/** The database named in the URL's path (`mongodb://host/souk`), else `souk`. */
export function databaseOf(url: string): string {
  const name = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]+)/.exec(url)?.[1];
  return name ? decodeURIComponent(name) : 'souk';
}
