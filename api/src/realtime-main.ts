import { ConfigError, loadConfig } from './config.js';
import { createContainer } from './container.js';
import { pendingMigrations } from './db/migrate.js';
import { parseCli } from './lib/cli.js';
import { createLogger } from './lib/logger.js';
import { loadConfigOrExit, runMain, stopOnSignals } from './process.js';
import { serveRealtime } from './realtime-server.js';

/**
 * Entry point of `npm run start:realtime`: the real-time channels as a process of their own (sockets
 * and the `realtime` consumer group, no REST, no relay, no plugins), to scale connections apart from
 * requests. It reads the database the API writes, so it needs `DATABASE_URL`: an embedded PGlite
 * database belongs to one process.
 */
async function main(): Promise<void> {
  parseCli({
    name: 'souk-realtime',
    command: 'npm run start:realtime --',
    description:
      'Serves the Socket.IO channels only (/socket.io, /health, /ready) and consumes the `realtime`\n' +
      'consumer group. Needs the PostgreSQL database of the API; with REDIS_URL, sockets on every\n' +
      'instance (API or realtime) receive every message. Run the API with REALTIME_CONSUMER=false\n' +
      'or REALTIME_ENABLED=false when this process serves the sockets.',
    options: {},
    environment: {
      PORT: 'HTTP port (default 4000).',
      DATABASE_URL: 'PostgreSQL server of the API (required).',
      REDIS_URL: 'Redis for the Socket.IO adapter (several instances).',
      KAFKA_BROKERS: 'Kafka brokers; unset: the embedded bus over PostgreSQL.',
    },
  });
  const config = loadConfigOrExit('souk-realtime', () => {
    // This process never relays the outbox nor runs plugins: the API (or the plugins process) does.
    const loaded = loadConfig({
      ...process.env,
      REALTIME_ENABLED: 'true',
      REALTIME_CONSUMER: 'true',
      RELAY_ENABLED: 'false',
      PLUGINS_IN_PROCESS: 'false',
    });
    if (!loaded.DATABASE_URL)
      throw new ConfigError('DATABASE_URL is required: the real-time process reads the API database.');
    return loaded;
  });
  const logger = createLogger(config.LOG_LEVEL, { format: config.LOG_FORMAT });
  const container = await createContainer(config, logger);
  // The API owns the schema: this process never migrates, and refuses a database the API has not.
  const pending = await pendingMigrations(container.database.db);
  if (pending.length > 0) {
    process.stderr.write(
      `souk-realtime: the database has ${pending.length} pending migrations; start the API on it first.\n`,
    );
    await container.close();
    process.exit(2);
  }
  await container.apiKeys.start(); // revocations made on API instances reach this one's key cache
  await container.bus.setup();
  const running = await serveRealtime(container, logger, {
    port: config.PORT,
    host: config.HOST,
    headersTimeoutMs: config.HEADERS_TIMEOUT_MS,
    requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
  });
  logger.info({ url: running.url, bus: container.bus.kind }, 'realtime listening');
  stopOnSignals(logger, async (signal) => {
    await running.shutdown(signal);
    await container.close();
  });
}

runMain('souk-realtime', main);
