import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Logger } from '../lib/logger.js';
import { insertCatalog, isCatalogEmpty, lockForSeeding } from '../modules/catalog/index.js';
import { buildDemoCatalog } from './demo-catalog.js';

export interface SeedResult {
  seeded: boolean;
  counts: Record<string, number>;
  durationMs: number;
}

/**
 * Loads the demo catalog into an empty database in one transaction; does nothing when the catalog
 * already has data. Logs a progress line per batch when a logger is given.
 */
export async function seedDemo(
  db: Kysely<Database>,
  options: { logger?: Logger; productCount?: number } = {},
): Promise<SeedResult> {
  const started = performance.now();
  const catalog = buildDemoCatalog(options.productCount);
  const counts = Object.fromEntries(Object.entries(catalog).map(([k, rows]) => [k, rows.length]));
  const seeded = await db.transaction().execute(async (trx) => {
    await lockForSeeding(trx);
    if (!(await isCatalogEmpty(trx))) return false;
    await insertCatalog(trx, catalog, (table, done, total) => {
      options.logger?.info({ table, done, total }, `seed: ${table} ${done}/${total}`);
    });
    return true;
  });
  return { seeded, counts, durationMs: Math.round(performance.now() - started) };
}
