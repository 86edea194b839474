import type { Logger } from '../lib/logger.js';
import { type DocumentMigration, type DocumentStore, DuplicateDocumentError } from './documents.js';
import { documentMigrations } from './migrations/index.js';

interface Applied {
  _id: string;
  applied_at: string;
}

/**
 * Applies, in order, each document migration not yet recorded in the `document_migrations`
 * collection. Every `up` is idempotent (createIndex of an existing index is a no-op), so two instances
 * starting at once may both run one; the record is written once (its `_id` is the name).
 */
export async function migrateDocuments(
  store: DocumentStore,
  logger?: Logger,
  migrations: readonly DocumentMigration[] = documentMigrations,
): Promise<string[]> {
  const records = store.collection<Applied>('document_migrations');
  const done = new Set((await records.find({})).map((r) => r._id));
  const applied: string[] = [];
  for (const migration of migrations) {
    if (done.has(migration.name)) continue;
    await migration.up(store);
    try {
      await records.insert({ _id: migration.name, applied_at: new Date().toISOString() });
    } catch (err) {
      if (!(err instanceof DuplicateDocumentError)) throw err;
    }
    applied.push(migration.name);
  }
  if (applied.length > 0) logger?.info({ applied, store: store.kind }, 'document migrations applied');
  return applied;
}
