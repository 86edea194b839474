/**
 * Where PostgreSQL's CPU goes in a checkout: per statement (pg_stat_statements: calls, rows, planning
 * and execution time, buffers), per written table (rows inserted and updated, HOT updates, index
 * scans of its indexes), WAL (records, bytes, full-page images, flushes) and the CPU of every process
 * of the cluster from /proc (backends of the bench database, the other processes by `backend_type`,
 * and the children the postmaster has reaped, e.g. autovacuum workers), around rounds of checkouts of
 * prepared carts like `checkout-cpu.ts`'s (1 hot unit + 1 other, two sellers).
 *
 *   DATABASE_URL=… node --import tsx bench/checkout-pg.ts
 *
 * Needs a server of one's own: `shared_preload_libraries=pg_stat_statements` (with
 * `pg_stat_statements.track_planning=on` for planning times), the extension created in the database
 * `DATABASE_URL` names, and a role that may read every backend's statistics (`pg_read_all_stats`) and
 * reset them (EXECUTE on `pg_stat_statements_reset`). CPU_CARTS checkouts per round (default 300),
 * CPU_ROUNDS rounds (2), CPU_WORKERS concurrent checkouts (32), CPU_PERF=<file prefix> records the
 * backends with `perf record -g` through each measured round. Database: BENCH_DATABASE (default
 * souk_bench_pg), dropped at the end.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import pg from 'pg';
import { BenchError, benchDatabase, createDatabase, dropDatabase, envInt, freePort, seed } from './lib.js';
import {
  apiEnvironment,
  processCpuMs,
  type Service,
  startService,
  stopService,
  waitForOk,
} from './processes.js';
import { checkoutAll, pickVariants, prepareCarts } from './shopper.js';

type Query = <R extends pg.QueryResultRow>(text: string, params?: unknown[]) => Promise<R[]>;

/** One connection kept open: a connection per reading would add backends that exit in the window. */
async function connect(url: string): Promise<{ query: Query; end: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    query: async <R extends pg.QueryResultRow>(text: string, params: unknown[] = []) =>
      (await client.query<R>(text, params)).rows,
    end: () => client.end(),
  };
}

/** CPU so far of every process of the cluster, by kind, and the WAL and table counters. */
async function snapshot(source: Query, dbName: string, bench: Query) {
  const procs = await source<{ pid: number; kind: string }>(
    `SELECT pid, CASE WHEN backend_type = 'client backend' AND datname = $1 THEN 'bench backends'
                      WHEN backend_type = 'client backend' THEN 'other backends' ELSE backend_type END AS kind
       FROM pg_stat_activity WHERE pid <> pg_backend_pid()`,
    [dbName],
  );
  const [{ pid: postmaster } = { pid: 0 }] = await source<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'`,
  );
  const ppid = Number(readFileSync(`/proc/${postmaster}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
  const cpu = new Map<number, { kind: string; ms: number }>();
  for (const p of procs) cpu.set(p.pid, { kind: p.kind, ms: processCpuMs(p.pid) ?? 0 });
  cpu.set(ppid, { kind: 'postmaster', ms: processCpuMs(ppid) ?? 0 });
  const reaped = processCpuMs(ppid, 'children');
  if (reaped === undefined) throw new BenchError(`cannot read the postmaster's CPU (/proc/${ppid}/stat)`);
  const [wal] = await source<Record<string, string>>(
    'SELECT wal_records, wal_fpi, wal_bytes, wal_write, wal_sync FROM pg_stat_wal',
  );
  const tables = await bench<{ relname: string; ins: string; upd: string; hot: string; del: string }>(
    `SELECT relname, n_tup_ins AS ins, n_tup_upd AS upd, n_tup_hot_upd AS hot, n_tup_del AS del
       FROM pg_stat_user_tables`,
  );
  const indexes = await bench<{ name: string; scans: string }>(
    `SELECT relname || '.' || indexrelname AS name, idx_scan AS scans FROM pg_stat_user_indexes`,
  );
  return { cpu, reaped, wal: wal ?? {}, tables, indexes, at: performance.now() };
}

type Snapshot = Awaited<ReturnType<typeof snapshot>>;

/** CPU by kind of process between two snapshots (a process gone since counts up to its last reading). */
function cpuByKind(a: Snapshot, b: Snapshot): Map<string, number> {
  const out = new Map<string, number>();
  for (const [pid, { kind, ms }] of b.cpu) {
    const before = a.cpu.get(pid)?.ms ?? 0;
    out.set(kind, (out.get(kind) ?? 0) + ms - before);
  }
  out.set('reaped children', b.reaped - a.reaped);
  return out;
}

const fmt = (n: number, d = 2) => n.toFixed(d);

/**
 * With CPU_PERF=<file prefix>, records the bench database's backends with `perf record -g` through
 * the measured checkouts (`<prefix>-<round>.data`; `perf report --no-children --sort symbol` reads
 * it). Returns the function that stops it.
 */
function startPerf(at: Snapshot, round: number): (() => Promise<void>) | undefined {
  const prefix = process.env.CPU_PERF;
  if (!prefix) return undefined;
  const pids = [...at.cpu].filter(([, p]) => p.kind === 'bench backends').map(([pid]) => pid);
  const perf = spawn(
    'perf',
    ['record', '-q', '-g', '-F', '999', '-o', `${prefix}-${round}.data`, '-p', pids.join(',')],
    {
      stdio: 'inherit',
    },
  );
  return () =>
    new Promise((resolve) => {
      perf.once('exit', () => resolve());
      perf.kill('SIGINT');
    });
}

/** Checkouts before each measured round that reopen the pool's connections (their rows are counted). */
const WARM = 100;

async function main(): Promise<void> {
  const source = process.env.DATABASE_URL;
  if (!source) throw new BenchError('set DATABASE_URL (a PostgreSQL server with pg_stat_statements)');
  const carts = envInt('CPU_CARTS', 300);
  const rounds = envInt('CPU_ROUNDS', 2);
  const workers = envInt('CPU_WORKERS', 32);
  const bench = benchDatabase(source, process.env.BENCH_DATABASE || 'souk_bench_pg');
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const clients: { end: () => Promise<void> }[] = [];
  let api: Service | undefined;
  try {
    await createDatabase(source, bench);
    const headers = { 'X-Api-Key': (await seed(bench.url)).storefront };
    const admin = await connect(source);
    const db = await connect(bench.url);
    clients.push(admin, db);
    const [{ oid } = { oid: 0 }] = await admin.query<{ oid: number }>(
      'SELECT oid FROM pg_database WHERE datname = $1',
      [bench.name],
    );
    const port = await freePort();
    api = startService('api', 'api/src/main.ts', `http://127.0.0.1:${port}`, {
      ...apiEnvironment(bench.url),
      PORT: String(port),
    });
    await waitForOk(api, '/ready');
    const variants = await pickVariants(api.url, headers, 8);
    const [hot, ...cold] = variants;
    await db.query('UPDATE variants SET inventory_quantity = 100000000 WHERE id = ANY($1)', [
      variants.map((v) => v.id),
    ]);
    const items = (i: number) => [hot?.id ?? '', cold[i % cold.length]?.id ?? ''];
    await checkoutAll(api.url, headers, await prepareCarts(api.url, headers, 100, items), workers);
    const take = () => snapshot(admin.query, bench.name, db.query);
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    for (let round = 1; round <= rounds; round++) {
      const ids = await prepareCarts(api.url, headers, carts + WARM, items);
      // An idle backend flushes its table and WAL counters within 10 s (PGSTAT_IDLE_INTERVAL), and
      // the API's pool closes connections idle for 10 s: the counters are read 11 s after the
      // preparation and after the checkouts, and WARM checkouts (counted with them) reopen the pool's
      // connections before the CPU and the statements are measured, as in a steady stream.
      await sleep(11_000);
      const c0 = await take();
      await checkoutAll(api.url, headers, ids.slice(carts), workers);
      const s0 = await take();
      await sleep(3000);
      const s1 = await take();
      await admin.query('SELECT pg_stat_statements_reset()');
      const perf = startPerf(s1, round);
      const run = await checkoutAll(api.url, headers, ids.slice(0, carts), workers);
      const s2 = await take();
      await perf?.();
      await sleep(11_000);
      const c1 = await take();
      if (run.ok !== carts) throw new BenchError(`only ${run.ok} of ${carts} checkouts answered 201`);
      const idle = cpuByKind(s0, s1);
      const busy = cpuByKind(s1, s2);
      const idleMs = s1.at - s0.at;
      const busyMs = s2.at - s1.at;
      out(
        `\nround ${round}: ${carts} checkouts, ${workers} workers, ${fmt(carts / (run.elapsedMs / 1000), 0)} orders/s, load ${fmt(loadavg()[0] ?? 0, 1)}`,
      );
      out('CPU per checkout (ms, minus the same processes idle):');
      for (const [kind, ms] of [...busy].sort((x, y) => y[1] - x[1])) {
        // Reaped children (autovacuum workers, closed connections) come when they exit: not scaled.
        const net = kind === 'reaped children' ? ms : ms - ((idle.get(kind) ?? 0) / idleMs) * busyMs;
        out(`  ${kind.padEnd(28)} ${fmt(net / carts, 3)}`);
      }
      const counted = carts + WARM;
      const wal = (k: string) => (Number(c1.wal[k]) - Number(c0.wal[k])) / counted;
      out(
        `WAL per checkout: ${fmt(wal('wal_records'), 1)} records, ${fmt(wal('wal_bytes'), 0)} bytes, ` +
          `${fmt(wal('wal_fpi'), 2)} full-page images, ${fmt(wal('wal_write'), 2)} writes, ${fmt(wal('wal_sync'), 2)} syncs`,
      );
      out('rows per checkout (inserted / updated / HOT updated / deleted):');
      for (const t of c1.tables) {
        const t1 = c0.tables.find((x) => x.relname === t.relname);
        const d = (k: 'ins' | 'upd' | 'hot' | 'del') => (Number(t[k]) - Number(t1?.[k] ?? 0)) / counted;
        if (d('ins') + d('upd') + d('del') > 0)
          out(
            `  ${t.relname.padEnd(28)} ${fmt(d('ins'))} / ${fmt(d('upd'))} / ${fmt(d('hot'))} / ${fmt(d('del'))}`,
          );
      }
      out('index scans per checkout:');
      for (const ix of c1.indexes) {
        const before = Number(c0.indexes.find((x) => x.name === ix.name)?.scans ?? 0);
        const n = (Number(ix.scans) - before) / counted;
        if (n > 0) out(`  ${ix.name.padEnd(60)} ${fmt(n)}`);
      }
      const stmts = await admin.query<Record<string, string>>(
        `SELECT calls, rows, plans, total_plan_time, total_exec_time, shared_blks_hit, shared_blks_read,
                shared_blks_dirtied, wal_records, left(regexp_replace(query, '\\s+', ' ', 'g'), 90) AS q
           FROM pg_stat_statements WHERE dbid = $1 ORDER BY total_plan_time + total_exec_time DESC LIMIT 25`,
        [oid],
      );
      out(
        'statements (per checkout: calls, rows, plans, plan ms, exec ms, buffers hit/read/dirtied, WAL records):',
      );
      for (const s of stmts) {
        const p = (k: string, d = 2) => fmt(Number(s[k]) / carts, d);
        out(
          `  ${p('calls')} ${p('rows')} ${p('plans')} ${p('total_plan_time', 3)} ${p('total_exec_time', 3)} ` +
            `${p('shared_blks_hit', 1)}/${p('shared_blks_read', 1)}/${p('shared_blks_dirtied', 1)} ${p('wal_records', 1)} | ${s.q}`,
        );
      }
    }
  } finally {
    if (api) await stopService(api);
    for (const c of clients) await c.end().catch(() => undefined);
    await dropDatabase(source, bench).catch(() => undefined);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
