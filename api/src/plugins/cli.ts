import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { parseCli } from '../lib/cli.js';
import { createLogger } from '../lib/logger.js';
import { createConfiguredRelay, createEventBus } from '../modules/events/index.js';
import { observeDatabase } from '../observability/database.metrics.js';
import { startMetricsServer } from '../observability/http.metrics.js';
import { loadConfigOrExit, runMain, stopOnSignals } from '../process.js';
import { loadPlugins } from './load.js';
import { createConfiguredRunner } from './runner.js';

/**
 * `npm run plugins`: a process that hosts the plugins named in PLUGINS (and, unless RELAY_ENABLED is
 * false, an outbox relay too — relays take turns, so one next to the API's is safe). Run it next to
 * API processes started with PLUGINS_IN_PROCESS=false. It needs a server database: the embedded one
 * belongs to the `npm start` process, which runs the plugins itself.
 */
async function main(): Promise<void> {
  parseCli({
    name: 'souk-plugins',
    command: 'npm run plugins --',
    description:
      'Hosts the plugins named in PLUGINS on the event bus and, unless RELAY_ENABLED=false, an outbox relay.\n' +
      'Run it next to API processes started with PLUGINS_IN_PROCESS=false. It needs a server database:\n' +
      "on the embedded one the plugins run inside `npm start`. The API's configuration (README) applies.",
    options: {},
    environment: {
      DATABASE_URL: 'PostgreSQL server (required).',
      PLUGINS: 'Plugins to run (default webhooks,inventory-alerts).',
      KAFKA_BROKERS: 'Kafka brokers; unset: the embedded bus (in-process delivery, polling the outbox).',
      RELAY_ENABLED: 'Run an outbox relay in this process too (default true).',
    },
  });
  const config = loadConfigOrExit('souk-plugins', () => loadConfig());
  if (!config.DATABASE_URL) {
    process.stderr.write(
      'souk-plugins: DATABASE_URL is not set. On the embedded database the plugins run inside `npm start`.\n',
    );
    process.exit(2);
  }
  const logger = createLogger(config.LOG_LEVEL, { format: config.LOG_FORMAT, service: 'souk-plugins' });
  const database = await openDatabase({
    url: config.DATABASE_URL,
    poolSize: config.DATABASE_POOL_SIZE,
    logger,
  });
  await migrateToLatest(database.db, logger);
  const bus = await createEventBus(config, database.db, logger, database.notifications);
  await bus.setup();
  const relay = createConfiguredRelay(config, database.db, bus, logger, database.notifications);
  if (config.RELAY_ENABLED) relay.start();
  const plugins = await loadPlugins(config.PLUGINS);
  const runner = createConfiguredRunner(
    config,
    { db: database.db, bus, logger, notifications: database.notifications },
    plugins,
  );
  await runner.start();
  // The plugin host has no API port: its metrics (consumers, webhook deliveries, relay) are scraped here.
  observeDatabase(database.db);
  const metricsServer = config.METRICS_PORT
    ? await startMetricsServer(config.METRICS_PORT, config.HOST)
    : undefined;
  process.stdout.write(
    `Souk plugins running: ${plugins.map((p) => `${p.name}@${p.version}`).join(', ') || '(none)'} ` +
      `on the ${bus.kind} bus${config.RELAY_ENABLED ? ', with an outbox relay' : ''}\n`,
  );
  stopOnSignals(logger, async () => {
    metricsServer?.close();
    await runner.stop();
    await relay.stop();
    await bus.close();
    await database.destroy();
  });
}

runMain('souk-plugins', main);
