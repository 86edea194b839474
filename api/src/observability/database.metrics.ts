import { type Kysely, type LogEvent, sql } from 'kysely';
import type pg from 'pg';
import { Gauge } from 'prom-client';
import type { Database } from '../db/schema.js';
import { collectErrors, dbQueryDuration, dbQueryErrors } from './metrics.js';

const STATEMENTS = new Set(['select', 'insert', 'update', 'delete']);

/** Comments ahead of a statement's first keyword (the prepared-statement mark is one). */
const LEADING_COMMENTS = /^\s*(?:\/\*[\s\S]*?\*\/\s*|--[^\n]*(?:\n\s*|$))*/;

/**
 * The statement kind of a query, from its first keyword after any leading comments (`with … select`
 * counts as select; `/* prepared *\/ select …` as select).
 */
export function statementKind(text: string): string {
  const words =
    text
      .replace(LEADING_COMMENTS, '')
      .slice(0, 200)
      .toLowerCase()
      .match(/[a-z]+/g) ?? [];
  const first = words[0] ?? 'other';
  if (first === 'with') return words.find((w) => STATEMENTS.has(w)) ?? 'other';
  return STATEMENTS.has(first) ? first : 'other';
}

/**
 * Kinds of the statement texts seen, so a statement run again is not scanned again: most texts recur
 * (statements compiled once, builders of few shapes). Emptied when it reaches its bound.
 */
const kinds = new Map<string, string>();
const MAX_KINDS = 2_000;

/** Records one kysely query event: its duration, and whether it failed. */
export function observeQuery(event: LogEvent): void {
  const text = event.query.sql;
  let statement = kinds.get(text);
  if (statement === undefined) {
    statement = statementKind(text);
    if (kinds.size >= MAX_KINDS) kinds.clear();
    kinds.set(text, statement);
  }
  dbQueryDuration.observe({ statement }, event.queryDurationMillis / 1000);
  if (event.level === 'error') dbQueryErrors.inc({ statement });
}

/** Counts by state of one source of connections, or undefined once it has ended (then it is forgotten). */
type ConnectionCounts = () => Record<string, number> | undefined;

/**
 * A gauge of connections by state, summed over the sources watched with the returned function; a
 * source is dropped at the first scrape after it ended.
 */
function connectionGauge(name: string, help: string, states: readonly string[]) {
  const sources = new Set<ConnectionCounts>();
  new Gauge({
    name,
    help,
    labelNames: ['state'] as const,
    collect() {
      const sums = Object.fromEntries(states.map((s) => [s, 0]));
      for (const counts of sources) {
        const now = counts();
        if (now === undefined) sources.delete(counts);
        else for (const s of states) sums[s] = (sums[s] ?? 0) + (now[s] ?? 0);
      }
      for (const s of states) this.set({ state: s }, sums[s] ?? 0);
    },
  });
  return (counts: ConnectionCounts) => {
    sources.add(counts);
  };
}

const watchPools = connectionGauge(
  'souk_db_pool_connections',
  'PostgreSQL pool connections by state: total (open), idle, waiting (requests queued for one).',
  ['total', 'idle', 'waiting'],
);

/** Reports this pool's connections in `souk_db_pool_connections` until it ends. */
export function watchPool(pool: pg.Pool): void {
  watchPools(() =>
    // pg-pool sets `ended` once end() was called.
    (pool as { ended?: boolean }).ended
      ? undefined
      : { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount },
  );
}

const watchLanes = connectionGauge(
  'souk_db_read_lane_connections',
  'Pipelined read connections of the storefront catalog: open, and in_use (callers holding one, each sharing it).',
  ['open', 'in_use'],
);

/** Reports this read lane's connections (db/read-lane.ts) in `souk_db_read_lane_connections` until it ends. */
export function watchReadLane(lane: { stats(): { open: number; inUse: number } | undefined }): void {
  watchLanes(() => {
    const stats = lane.stats();
    return stats && { open: stats.open, in_use: stats.inUse };
  });
}

let source: Kysely<Database> | undefined;

/**
 * Names the database the scrape-time gauges read (outbox backlog, stored dead letters, pending
 * webhook deliveries). Each read uses a partial index, so a scrape stays cheap however large the tables.
 */
export function observeDatabase(db: Kysely<Database> | undefined): void {
  source = db;
}

async function read<T>(
  collector: string,
  query: (db: Kysely<Database>) => Promise<T>,
): Promise<T | undefined> {
  if (!source) return undefined;
  try {
    return await query(source);
  } catch {
    // A scrape must not fail because the database is down: the gauge keeps its last value and the
    // error counter (and the API's own readiness) says why.
    collectErrors.inc({ collector });
    return undefined;
  }
}

new Gauge({
  name: 'souk_outbox_oldest_unpublished_age_seconds',
  help: 'Age of the oldest outbox event the relay has not published yet (0 when none is waiting).',
  async collect() {
    const row = await read('outbox', (db) =>
      db
        .selectFrom('outbox_events')
        .select(sql<number>`extract(epoch from (now() - occurred_at))::float8`.as('age'))
        .where('published_at', 'is', null)
        .orderBy('position')
        .limit(1)
        .executeTakeFirst()
        .then((r) => r ?? { age: 0 }),
    );
    if (row) this.set(Math.max(0, Number(row.age)));
  },
});

new Gauge({
  name: 'souk_outbox_unpublished_events',
  help: 'Outbox events waiting for the relay.',
  async collect() {
    const row = await read('outbox', (db) =>
      db
        .selectFrom('outbox_events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('published_at', 'is', null)
        .executeTakeFirstOrThrow(),
    );
    if (row) this.set(Number(row.n));
  },
});

new Gauge({
  name: 'souk_plugin_dead_letters',
  help: 'Events stored in plugin_dead_letters, by plugin (replay or delete them to clear).',
  labelNames: ['plugin'] as const,
  async collect() {
    const rows = await read('dead_letters', (db) =>
      db
        .selectFrom('plugin_dead_letters')
        .select(['plugin', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('plugin')
        .execute(),
    );
    if (!rows) return;
    this.reset();
    for (const r of rows) this.set({ plugin: r.plugin }, Number(r.n));
  },
});

new Gauge({
  name: 'souk_webhook_deliveries_pending',
  help: 'Webhook deliveries waiting for their next attempt.',
  async collect() {
    const row = await read('webhook_deliveries', (db) =>
      db
        .selectFrom('webhook_deliveries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'pending')
        .executeTakeFirstOrThrow(),
    );
    if (row) this.set(Number(row.n));
  },
});
