import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_catalog.js';
import * as m0002 from './0002_keys_outbox_idempotency.js';

/**
 * Every migration, in order. Listed explicitly (not read from the file system) so the same list
 * runs from source under tsx, from a bundle, and in tests.
 */
const migrations: Record<string, Migration> = {
  '0001_catalog': m0001,
  '0002_keys_outbox_idempotency': m0002,
};

/** Kysely migration provider over the static list above. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
