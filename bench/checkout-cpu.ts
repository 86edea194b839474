/**
 * CPU per checkout: the API process and its PostgreSQL backends, read from /proc around a batch of
 * checkouts of prepared carts (minus what the same processes use per second while idle), with the
 * database's transaction count, so a change can be judged on a shared machine where orders/s is noise.
 *
 *   DATABASE_URL=… node --import tsx bench/checkout-cpu.ts
 *
 * CPU_CARTS checkouts per round (default 300), CPU_ROUNDS rounds (3), CPU_WORKERS concurrent
 * checkouts (8), CPU_WAKEUP_TRIGGERS=off disables the outbox's NOTIFY triggers, CPU_PROFILE=1 starts the API with --cpu-prof (profiles in bench/results/profiles/).
 * CPU_ALLOC=1 samples what the API allocates during each round's checkouts, garbage included
 * (alloc-sampler.ts), and prints the bytes per checkout and who allocated them.
 * The API runs as in `npm run bench` (NODE_ENV=production, tsx, default pool and relay); any variable
 * in the environment (EVENT_WAKEUPS, DATABASE_POOL_SIZE …) reaches it. Database: BENCH_DATABASE
 * (default souk_bench_cpu), dropped at the end.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { summarizeAllocations } from './alloc-summary.js';
import { cpuSample as sample, cpuUsed as used } from './cpu-sample.js';
import {
  BenchError,
  benchDatabase,
  createDatabase,
  dropDatabase,
  envInt,
  freePort,
  query,
  root,
  seed,
} from './lib.js';
import { apiEnvironment, type Service, startService, stopService, waitForOk } from './processes.js';
import { checkoutAll, percentile, pickVariants, prepareCarts } from './shopper.js';

/** The monotonic clock in µs, as V8 stamps a `--cpu-prof` profile's samples. */
const monotonicMicros = () => process.hrtime.bigint() / 1000n;

async function main(): Promise<void> {
  const source = process.env.DATABASE_URL;
  if (!source) throw new BenchError('set DATABASE_URL (a PostgreSQL server whose role may CREATE DATABASE)');
  const carts = envInt('CPU_CARTS', 300);
  const rounds = envInt('CPU_ROUNDS', 3);
  const workers = envInt('CPU_WORKERS', 8);
  const bench = benchDatabase(source, process.env.BENCH_DATABASE || 'souk_bench_cpu');
  let api: Service | undefined;
  try {
    await createDatabase(source, bench);
    const headers = { 'X-Api-Key': (await seed(bench.url)).storefront };
    if (process.env.CPU_WAKEUP_TRIGGERS === 'off') {
      // The outbox's NOTIFY triggers (migration 0016): without them no checkout notifies.
      await query(
        bench.url,
        'ALTER TABLE outbox_events DISABLE TRIGGER outbox_events_notify_insert, DISABLE TRIGGER outbox_events_notify_update',
      );
    }
    const port = await freePort();
    const nodeArgs = ['--import', 'tsx'];
    const profiling = process.env.CPU_PROFILE === '1';
    const profiles = join(root, 'bench/results/profiles');
    if (profiling) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${profiles}`);
    const allocating = process.env.CPU_ALLOC === '1';
    if (allocating) {
      mkdirSync(profiles, { recursive: true });
      nodeArgs.push('--import', './bench/alloc-sampler.ts');
    }
    api = startService(
      'api',
      'api/src/main.ts',
      `http://127.0.0.1:${port}`,
      { ...apiEnvironment(bench.url), PORT: String(port), ALLOC_SAMPLE_DIR: profiles },
      nodeArgs,
    );
    await waitForOk(api, '/ready');
    const apiPid = api.child.pid ?? 0;
    const variants = await pickVariants(api.url, headers, 8);
    const [hot, ...cold] = variants;
    await query(bench.url, 'UPDATE variants SET inventory_quantity = 100000000 WHERE id = ANY($1)', [
      variants.map((v) => v.id),
    ]);
    const items = (i: number) => [hot?.id ?? '', cold[i % cold.length]?.id ?? ''];
    // Warm-up: JIT, the pool's connections, the key caches.
    await checkoutAll(api.url, headers, await prepareCarts(api.url, headers, 100, items), workers);
    const out = (line: string) => process.stdout.write(`${line}\n`);
    out(
      `checkout CPU: ${carts} carts × ${rounds} rounds, ${workers} workers, load ${loadavg()[0]?.toFixed(1)}`,
    );
    for (let round = 1; round <= rounds; round++) {
      const p0 = await sample(bench.url, bench.name, apiPid);
      const ids = await prepareCarts(api.url, headers, carts, items);
      const p1 = await sample(bench.url, bench.name, apiPid);
      await new Promise((r) => setTimeout(r, 3000));
      const i1 = await sample(bench.url, bench.name, apiPid);
      if (allocating) await startAllocations(apiPid);
      const from = monotonicMicros();
      const run = await checkoutAll(api.url, headers, ids, workers);
      const to = monotonicMicros();
      const allocations = allocating ? await stopAllocations(apiPid, profiles, round) : undefined;
      const c1 = await sample(bench.url, bench.name, apiPid);
      // The profile's timestamps are on the same monotonic clock: these let a profile be cut to the checkouts.
      if (profiling) out(`round ${round} window µs ${from}-${to}`);
      if (run.ok !== carts) throw new BenchError(`only ${run.ok} of ${carts} checkouts answered 201`);
      const prep = used(p0, p1);
      const idle = used(p1, i1);
      const co = used(i1, c1);
      const per = (x: number, idleX: number) => (x - (idleX / idle.ms) * co.ms) / carts;
      out(
        `round ${round}: checkout API ${per(co.api, idle.api).toFixed(2)} ms, PostgreSQL ${per(co.pg, idle.pg).toFixed(2)} ms, ` +
          `${(co.xacts / carts).toFixed(2)} transactions, ${(carts / (co.ms / 1000)).toFixed(0)} orders/s, ` +
          `p50 ${percentile(run.okLatenciesMs, 0.5)} p99 ${percentile(run.okLatenciesMs, 0.99)} ms | ` +
          `cart preparation (4 requests) API ${(prep.api / carts).toFixed(2)} ms, PostgreSQL ${(prep.pg / carts).toFixed(2)} ms | ` +
          `idle API ${((idle.api / idle.ms) * 1000).toFixed(0)} ms/s | load ${loadavg()[0]?.toFixed(1)}`,
      );
      if (allocations) {
        const { bytesPerRequest, owners, functions } = summarizeAllocations(allocations, carts);
        const list = (rows: [string, number][]) =>
          rows.map(([k, v]) => `${(v * 100).toFixed(1)} % ${k}`).join(', ');
        out(`round ${round} allocated ${(bytesPerRequest / 1024).toFixed(1)} KB per checkout`);
        out(`  by owner: ${list(owners)}`);
        out(`  by function: ${list(functions)}`);
      }
    }
  } finally {
    if (api) await stopService(api);
    await dropDatabase(source, bench).catch(() => undefined);
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the API's allocation sampling (alloc-sampler.ts). */
async function startAllocations(pid: number): Promise<void> {
  process.kill(pid, 'SIGUSR2');
  await pause(50);
}

/** Stops it and waits for the window's profile (the sampler's `n`-th), returning its path. */
async function stopAllocations(pid: number, dir: string, n: number): Promise<string> {
  process.kill(pid, 'SIGUSR2');
  const file = join(dir, `alloc-${pid}-${n}.heapprofile`);
  for (let waited = 0; !existsSync(file); waited += 50) {
    if (waited > 10_000) throw new BenchError(`no allocation profile at ${file}`);
    await pause(50);
  }
  return file;
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
