import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import type { Config } from './config.js';
import { type Container, createContainer } from './container.js';
import { migrateToLatest } from './db/migrate.js';
import { migrateDocuments } from './documents/index.js';
import { createHttpServer } from './http/http-server.js';
import type { Logger } from './lib/logger.js';
import { startMetricsServer } from './observability/http.metrics.js';
import { seedDemo } from './seed/seed.js';
import { loadSpecArtifacts } from './spec.js';

/** A started API server. */
export interface RunningServer {
  server: Server;
  container: Container;
  url: string;
  /** Stops accepting connections, lets in-flight requests finish (up to the timeout), closes the database. */
  shutdown(reason: string): Promise<void>;
}

/**
 * Opens the database, applies migrations, seeds the demo catalog when configured to, and starts
 * listening. The embedded default seeds an empty database automatically (`SEED_DEMO=auto`).
 */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const container = await createContainer(config, logger);
  const { db, driver } = container.database;
  await migrateToLatest(db, logger);
  await migrateDocuments(container.documents, logger);

  const wantSeed = config.SEED_DEMO === 'always' || (config.SEED_DEMO === 'auto' && driver === 'pglite');
  if (wantSeed) {
    const result = await seedDemo(db, {
      logger,
      keys: 'demo',
      media: { storage: container.storage, publicUrl: container.media.publicUrl },
      documents: container.documents,
    });
    if (result.seeded)
      logger.info(
        { ...result.counts, duration_ms: result.durationMs },
        'seeded the demo catalog into an empty database',
      );
  }

  if (config.NODE_ENV === 'production' && (await container.apiKeys.hasDemoKeys())) {
    await container.close();
    throw new Error(
      'refusing to start: the well-known demo API keys exist in this database and NODE_ENV=production. Revoke them first.',
    );
  }

  await container.start();
  // The demo's images have originals only: their variants render in the background (one image at a
  // time) rather than in the seed, so the API is up as soon as before and pages get faster as it goes.
  if (wantSeed && config.MEDIA_PRERENDER) {
    const queued = await container.media.prerender.addCatalog(db);
    if (queued > 0) logger.info({ images: queued }, 'media: pre-rendering image variants in the background');
  }
  let draining = false;
  const { document, docs } = loadSpecArtifacts();
  const app = await createApp(container, { document, docs, isShuttingDown: () => draining });
  const server = createHttpServer(app.callback(), {
    headersTimeoutMs: config.HEADERS_TIMEOUT_MS,
    requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
  });
  if (config.REALTIME_ENABLED) container.realtime.attach(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  const metricsServer = config.METRICS_PORT
    ? await startMetricsServer(config.METRICS_PORT, config.HOST)
    : undefined;
  const { port } = server.address() as AddressInfo;
  const url = `http://localhost:${port}`;

  let closing: Promise<void> | undefined;
  const shutdown = (reason: string) => {
    closing ??= (async () => {
      draining = true;
      // WebSocket connections never go idle: end them (clients reconnect elsewhere and catch up).
      await container.realtime.close();
      logger.info({ reason }, 'shutting down: no new connections, finishing in-flight requests');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive sockets that go idle after their last response are closed as they appear.
      const sweeper = setInterval(() => server.closeIdleConnections(), 100);
      const deadline = setTimeout(() => {
        logger.warn(
          { timeout_ms: config.SHUTDOWN_TIMEOUT_MS },
          'shutdown timeout: closing remaining connections',
        );
        server.closeAllConnections();
      }, config.SHUTDOWN_TIMEOUT_MS);
      server.closeIdleConnections();
      await closed;
      clearInterval(sweeper);
      clearTimeout(deadline);
      metricsServer?.close();
      await container.close();
      logger.info('shutdown complete');
    })();
    return closing;
  };
  return { server, container, url, shutdown };
}
