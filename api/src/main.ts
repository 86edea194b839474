import { loadConfig } from './config.js';
import { parseCli } from './lib/cli.js';
import { createLogger } from './lib/logger.js';
import { loadConfigOrExit, runMain, stopOnSignals } from './process.js';
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
  const config = loadConfigOrExit('souk-api', () => loadConfig());
  const logger = createLogger(config.LOG_LEVEL, { format: config.LOG_FORMAT });
  const running = await startServer(config, logger);
  const { driver } = running.container.database;
  logger.info({ url: running.url, driver }, 'listening');
  process.stdout.write(
    `\nSouk API is up (${driver === 'pglite' ? `embedded PGlite in ${config.PGLITE_DIR}` : 'PostgreSQL'})\n` +
      `  API:      ${running.url}\n  Docs:     ${running.url}/docs\n  Products: ${running.url}/store/products\n\n`,
  );
  stopOnSignals(logger, (signal) => running.shutdown(signal));
}

runMain('souk-api', main);
