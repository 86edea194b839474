import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { createDocumentStore, migrateDocuments } from '../documents/index.js';
import { parseCli } from '../lib/cli.js';
import { createLogger } from '../lib/logger.js';
import { mediaPublicUrl } from '../modules/media/index.js';
import { createConfiguredStorage } from '../storage/index.js';
import { seedDemo } from './seed.js';

/**
 * `npm run seed [-- --demo]`: migrates, then loads the demo catalog into the configured database
 * (DATABASE_URL, or the embedded PGlite directory). An already seeded catalog is left alone.
 * With `--demo` the well-known demo keys are created; without it, a fresh storefront key and operator
 * key are generated and printed once. `--json` prints one JSON object instead of lines (for scripts).
 */
async function main(): Promise<void> {
  // Parsed before anything else: `--help` or a typo must never reach the database.
  const { values } = parseCli({
    name: 'seed',
    command: 'npm run seed --',
    description:
      'Applies the migrations, then loads the demo catalog into the configured database when its catalog is\n' +
      'empty (an already seeded catalog is left alone). Without --demo, a fresh storefront key and operator\n' +
      'key are generated and printed once.',
    options: {
      demo: {
        type: 'boolean',
        description: 'Create the well-known demo keys (pk_demo_storefront, sk_demo_…) instead.',
      },
      json: { type: 'boolean', description: 'Print one JSON object instead of lines (for scripts).' },
    },
    environment: {
      DATABASE_URL: 'PostgreSQL server to seed; unset: the embedded PGlite database.',
      PGLITE_DIR: 'Directory of the embedded database (default .souk/pglite).',
      LOG_LEVEL: 'Log level of the progress lines (default info).',
      MEDIA_DIR:
        'Directory of the product images (default .souk/media); GCS_BUCKET: a Cloud Storage bucket instead.',
      MONGO_URL: "Document store of the themes' default content; unset: JSONB in the SQL database.",
      MEDIA_PUBLIC_URL: 'Base of the image URLs written (default http://localhost:$PORT/media).',
    },
  });
  const config = loadConfig();
  const json = values.json === true;
  const logger = createLogger(json ? 'silent' : config.LOG_LEVEL, { format: config.LOG_FORMAT });
  const database = await openDatabase({ url: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR, logger });
  const documents = await createDocumentStore(config, database.db, logger);
  try {
    await migrateToLatest(database.db, logger);
    await migrateDocuments(documents, logger);
    const demo = values.demo === true;
    const result = await seedDemo(database.db, {
      logger,
      keys: demo ? 'demo' : 'random',
      media: { storage: await createConfiguredStorage(config), publicUrl: mediaPublicUrl(config) },
      documents,
    });
    if (json) {
      const keys = Object.fromEntries(result.issuedKeys.map((k) => [k.name.toLowerCase(), k.secret]));
      process.stdout.write(
        `${JSON.stringify({ seeded: result.seeded, driver: database.driver, counts: result.counts, keys })}\n`,
      );
      return;
    }
    const summary = Object.entries(result.counts)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ');
    process.stdout.write(
      result.seeded
        ? `seed: loaded ${summary} in ${result.durationMs} ms (${database.driver})\n`
        : 'seed: the catalog already has data; nothing changed\n',
    );
    if (result.seeded && demo)
      process.stdout.write('seed: demo keys pk_demo_storefront, sk_demo_operator, sk_demo_seller_1..3\n');
    for (const key of result.issuedKeys) {
      process.stdout.write(`seed: ${key.name} key (shown once, store it now): ${key.secret}\n`);
    }
  } finally {
    await documents.close();
    await database.destroy();
  }
}

main().catch((err) => {
  process.stderr.write(`seed: ${err instanceof ConfigError ? err.message : (err as Error).stack}\n`);
  process.exit(1);
});
