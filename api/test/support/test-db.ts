import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LogEvent } from 'kysely';
import { MongoClient } from 'mongodb';
import pg from 'pg';
import { pino } from 'pino';
import { type Config, loadConfig } from '../../src/config.js';
import { type Container, createContainer } from '../../src/container.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { migrateDocuments } from '../../src/documents/index.js';
import { createLogger, type Logger } from '../../src/lib/logger.js';

/** The server tests run against when DATABASE_URL is set; otherwise every test database is embedded PGlite. */
export const serverUrl = process.env.DATABASE_URL || undefined;
export const testDriver = serverUrl ? 'postgres' : 'pglite';
/** The Redis tests share when REDIS_URL is set (CI's PostgreSQL run); otherwise the in-process store. */
export const redisUrl = process.env.REDIS_URL || undefined;
/** The MongoDB/FerretDB tests share when MONGO_URL is set (CI's real-services run); otherwise JSONB in SQL. */
export const mongoUrl = process.env.MONGO_URL || undefined;

/**
 * Rate limits far above what any test sends, so only the tests about limits meet them (they pass
 * their own). The limiter still runs on every request.
 */
export const generousRateLimits = {
  RATE_LIMIT_ANONYMOUS: '1000000',
  RATE_LIMIT_PUBLISHABLE: '1000000',
  RATE_LIMIT_CUSTOMER: '1000000',
  RATE_LIMIT_SELLER: '1000000',
  RATE_LIMIT_OPERATOR: '1000000',
};

let fileLogger: Logger | undefined;

/**
 * Silent, unless SOUK_TEST_LOG_DIR names a folder: then every test database's API logs at debug level
 * to `<dir>/<pid>.log`, which the log-secrets check (scripts/check-log-secrets.mjs) greps after the run.
 */
function testLogger(): Logger {
  const dir = process.env.SOUK_TEST_LOG_DIR;
  if (!dir) return createLogger('silent');
  if (!fileLogger) {
    mkdirSync(dir, { recursive: true });
    fileLogger = createLogger('debug', {
      destination: pino.destination({ dest: join(dir, `${process.pid}.log`), sync: true }),
    });
  }
  return fileLogger;
}

/** A migrated, empty database of its own for one test file, and the container built on it. */
export interface TestDatabase {
  container: Container;
  config: Config;
  /** Removes the database (drops it on a server; PGlite lives in memory). */
  drop(): Promise<void>;
}

/**
 * Creates an isolated database: a fresh in-memory PGlite, or with DATABASE_URL a new database
 * `souk_test_…` on that server (so test files can run in parallel), then applies the migrations.
 */
export async function createTestDatabase(
  options: { onQuery?: (e: LogEvent) => void; logger?: Logger; env?: Record<string, string> } = {},
): Promise<TestDatabase> {
  const logger = options.logger ?? testLogger();
  let databaseUrl: string | undefined;
  let dropServerDb = async () => {};
  if (serverUrl) {
    const name = `souk_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropServerDb = () => dropServerDatabase(serverUrl ?? '', name);
  }
  const mediaDir = join(tmpdir(), `souk_test_media_${randomBytes(6).toString('hex')}`);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    // Tests change rows directly and read them back at once: no read cache unless a test asks for it.
    CATALOG_CACHE_TTL_MS: '0',
    // The relay and plugins run only in tests about events (they pass their own settings).
    RELAY_ENABLED: 'false',
    REALTIME_ENABLED: 'false',
    PLUGINS: 'none',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    // One key namespace per test database: files share the Redis but never each other's keys.
    ...(redisUrl
      ? { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: `souk_test_${randomBytes(6).toString('hex')}:` }
      : {}),
    // One document database per test database, dropped with it.
    ...(mongoUrl
      ? { MONGO_URL: mongoUrl, MONGO_DATABASE: `souk_test_${randomBytes(6).toString('hex')}` }
      : {}),
    ...generousRateLimits,
    // Product images of this database only (removed with it).
    MEDIA_DIR: mediaDir,
    ...options.env,
  });
  const container = await createContainer(config, logger, {
    pgliteDir: null,
    ...(options.onQuery ? { onQuery: options.onQuery } : {}),
  });
  await migrateToLatest(container.database.db);
  await migrateDocuments(container.documents);
  return {
    container,
    config,
    drop: async () => {
      await container.close();
      await dropServerDb();
      if (config.MONGO_URL && config.MONGO_DATABASE)
        await dropMongoDatabase(config.MONGO_URL, config.MONGO_DATABASE);
      rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * Drops a server database, ending its sessions. FORCE may hit an autovacuum worker that has just
 * started in it, which a non-superuser may not terminate (42501): that worker is gone a moment
 * later, so try again.
 */
export async function dropServerDatabase(adminUrl: string, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== '42501' || attempt >= 20) throw err;
    } finally {
      await client.end();
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Drops a test's database on the MongoDB/FerretDB server. */
export async function dropMongoDatabase(url: string, name: string): Promise<void> {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 5_000 });
  try {
    await client.db(name).dropDatabase();
  } finally {
    await client.close();
  }
}
