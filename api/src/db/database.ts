import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Kysely, type LogEvent, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Logger } from '../lib/logger.js';
import { observeQuery, watchPool, watchReadLane } from '../observability/database.metrics.js';
import { type Notifications, pgliteNotifications, serverNotifications } from './notifications.js';
import { preparingPool } from './prepared.js';
import { readLanePool } from './read-lane.js';
import type { Database } from './schema.js';
import { getTypeParser, OID, parseInt8 } from './type-parsers.js';

/** Makes closing idempotent: shutdown paths may race (signal, test teardown). */
function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => {
    done ??= fn();
    return done;
  };
}

export type DatabaseDriver = 'pglite' | 'postgres';

/** An open database: the Kysely instance, which driver backs it, and how to close it. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  /**
   * For single-statement reads outside any transaction (the storefront catalog): on a server, a few
   * connections of their own in pipeline mode (`readConnections`, read-lane.ts), which refuse
   * transactions; otherwise `db` itself.
   */
  reads: Kysely<Database>;
  driver: DatabaseDriver;
  /** LISTEN/NOTIFY wake-ups (a listening connection is opened on the first `on`). */
  notifications: Notifications;
  destroy(): Promise<void>;
}

export interface DatabaseOptions {
  /** A postgres:// URL; when absent, embedded PGlite is used. */
  url?: string | undefined;
  poolSize?: number;
  /** Pipelined connections for `reads` on a server (besides the pool); 0 or absent: `reads` is `db`. */
  readConnections?: number;
  /** PostgreSQL cancels a statement of `reads` running longer (its `statement_timeout`); 0 or absent: no limit. */
  readTimeoutMs?: number;
  /** PGlite data directory; `undefined` keeps the embedded database in memory. */
  pgliteDir?: string | undefined;
  logger?: Logger;
  /** Called for every query; tests use it to count queries per request. */
  onQuery?: (event: LogEvent) => void;
}

/**
 * Opens PostgreSQL through kysely: `pg` against a server when a URL is given, otherwise PGlite
 * (real Postgres compiled to WASM) in-process, with its data under `pgliteDir` so restarts keep it.
 */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const log = (event: LogEvent) => {
    options.onQuery?.(event);
    observeQuery(event);
    if (event.level === 'error') {
      options.logger?.warn(
        { err: event.error, sql: event.query.sql, duration_ms: event.queryDurationMillis },
        'query failed',
      );
    } else {
      options.logger?.trace({ sql: event.query.sql, duration_ms: event.queryDurationMillis }, 'query');
    }
  };

  if (options.url) {
    const types = { getTypeParser };
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, types });
    // An idle client losing its connection (server restart) must not crash the process.
    watchPool(pool);
    pool.on('error', (err) => options.logger?.warn({ err }, 'idle database connection failed'));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }), log });
    const connections = options.readConnections ?? 0;
    const lane =
      connections > 0
        ? readLanePool({
            client: {
              connectionString: options.url,
              types,
              // One slow statement holds up those pipelined behind it on its connection: the server ends it.
              ...(options.readTimeoutMs ? { statement_timeout: options.readTimeoutMs } : {}),
            },
            connections,
            onError: (err) => options.logger?.warn({ err }, 'read lane connection failed'),
          })
        : undefined;
    if (lane) watchReadLane(lane);
    const reads = lane ? new Kysely<Database>({ dialect: new PostgresDialect({ pool: lane }), log }) : db;
    return handle(db, 'postgres', serverNotifications(options.url, options.logger), undefined, reads);
  }

  let dataDir: string | undefined;
  if (options.pgliteDir) {
    dataDir = resolve(options.pgliteDir);
    mkdirSync(dataDir, { recursive: true });
  }
  // Imported here, not at the top: on a PostgreSQL server the process never loads PGlite's
  // Emscripten build (its module text alone is ~0.6 MB of the API's live heap).
  const [{ PGlite }, { PGliteDialect }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('kysely-pglite-dialect'),
  ]);
  const pglite = await PGlite.create({ dataDir, parsers: { [OID.int8]: parseInt8 } });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite), log });
  return handle(db, 'pglite', pgliteNotifications(pglite, options.logger), async () => {
    if (!pglite.closed) await pglite.close();
  });
}

/**
 * The handle of an open database. Closing stops the wake-ups first, then the pool; `closeDriver`
 * runs last for a driver that owns more than the pool (PGlite's in-process database).
 */
function handle(
  db: Kysely<Database>,
  driver: DatabaseDriver,
  notifications: Notifications,
  closeDriver?: () => Promise<void>,
  reads: Kysely<Database> = db,
): DatabaseHandle {
  return {
    db,
    reads,
    driver,
    notifications,
    destroy: once(async () => {
      await notifications.close();
      if (reads !== db) await reads.destroy();
      await db.destroy();
      await closeDriver?.();
    }),
  };
}
