import { ConfigError, loadConfig } from './config.js';
import { parseCli } from './lib/cli.js';
import { createLogger } from './lib/logger.js';
import { startServer } from './server.js';

/** Entry point of `npm run start:api`: validated config, logs (LOG_FORMAT), graceful shutdown on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  parseCli({
    name: 'souk-api',
    command: 'npm run start:api --',
    description:
      'Starts the Souk API. Configuration comes from the environment only (README, "Configuration");\n' +
      'a bad value stops it with exit code 2. Without DATABASE_URL it runs on the embedded PGlite database.',
    options: {},
    environment: {
      PORT: 'HTTP port (default 4000).',
      HOST: 'Interface to listen on (default 0.0.0.0).',
      DATABASE_URL: 'PostgreSQL server; unset: embedded PGlite in PGLITE_DIR.',
      NODE_ENV: 'development (default), test or production.',
    },
  });
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`souk-api: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL, { format: config.LOG_FORMAT });
  const running = await startServer(config, logger);
  const { driver } = running.container.database;
  logger.info({ url: running.url, driver }, 'listening');
  process.stdout.write(
    `\nSouk API is up (${driver === 'pglite' ? `embedded PGlite in ${config.PGLITE_DIR}` : 'PostgreSQL'})\n` +
      `  API:      ${running.url}\n  Docs:     ${running.url}/docs\n  Products: ${running.url}/store/products\n\n`,
  );
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      running.shutdown(signal).then(
        () => process.exit(0),
        (err) => {
          logger.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
}

main().catch((err) => {
  process.stderr.write(
    `souk-api: failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
