import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { createLogger } from '../lib/logger.js';
import { seedDemo } from './seed.js';

/**
 * `npm run seed [-- --demo]`: migrates, then loads the demo catalog into the configured database
 * (DATABASE_URL, or the embedded PGlite directory). An already seeded catalog is left alone.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'info' : config.LOG_LEVEL);
  const database = await openDatabase({ url: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR, logger });
  try {
    await migrateToLatest(database.db, logger);
    const result = await seedDemo(database.db, { logger });
    const summary = Object.entries(result.counts)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ');
    process.stdout.write(
      result.seeded
        ? `seed: loaded ${summary} in ${result.durationMs} ms (${database.driver})\n`
        : 'seed: the catalog already has data; nothing changed\n',
    );
  } finally {
    await database.destroy();
  }
}

main().catch((err) => {
  process.stderr.write(`seed: ${err instanceof ConfigError ? err.message : (err as Error).stack}\n`);
  process.exit(1);
});
