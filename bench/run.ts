/**
 * `npm run bench`: throughput and latency of the storefront read endpoints against a bare Koa
 * baseline, and orders/s of checkout with its stock invariants, on real PostgreSQL. See
 * bench/README.md for what is measured and the targets.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseCli } from '../api/src/lib/cli.js';
import { type CheckoutResult, checkoutCpuLine, checkoutTable, measureCheckout } from './checkout.js';
import {
  type BenchDatabase,
  BenchError,
  benchDatabase,
  createDatabase,
  dropDatabase,
  envInt,
  freePort,
  machine,
  root,
  runCommand,
  seed,
} from './lib.js';
import { type LoadSettings, markdownTable, type TargetCheck } from './measure.js';
import {
  apiEnvironment,
  rssMiB,
  type Service,
  startProductionApi,
  startService,
  stopService,
  waitForOk,
} from './processes.js';
import { type ReadRun, runReads, selectScenarios } from './reads.js';
import { type EmbeddedStartup, embeddedStartupCheck, measureEmbeddedStartup } from './startup.js';

parseCli({
  name: 'bench',
  command: 'npm run bench --',
  description:
    'Measures the storefront reads against a bare Koa baseline and checkout orders/s with its stock\n' +
    'invariants, on real PostgreSQL: it creates, seeds and drops its own database on the DATABASE_URL\n' +
    'server. Settings come from the environment; bench/README.md lists them all.',
  options: {},
  environment: {
    DATABASE_URL: 'PostgreSQL server (required).',
    BENCH_SCENARIOS:
      'all (default), reads, checkout, or scenarios by key (bench/README.md lists them: list, list-changing, search-uncached, …).',
    BENCH_DURATION_S: 'Measured seconds per scenario (default 15).',
    BENCH_CONNECTIONS: 'Concurrent connections (default 32).',
  },
});

const services: Service[] = [];
let database: { source: string; bench: BenchDatabase } | undefined;
let cleaning: Promise<void> | undefined;
let interrupted = false;

/** Stops the children and drops the bench database; safe to call more than once. */
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await Promise.allSettled(services.map((s) => stopService(s)));
    if (database) {
      await dropDatabase(database.source, database.bench).catch((err: unknown) => {
        process.stderr.write(`bench: could not drop ${database?.bench.name}: ${String(err)}\n`);
      });
    }
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    process.stderr.write(`\nbench: ${signal}, cleaning up\n`);
    void cleanup().finally(() => process.exit(130));
  });
}

async function main(): Promise<number> {
  // Anything else using the CPUs skews every row; the load average before we start says if it might.
  const idleLoad = loadavg()[0] ?? 0;
  const source = process.env.DATABASE_URL;
  if (!source) {
    process.stderr.write(
      'bench: DATABASE_URL is not set. The bench needs a real PostgreSQL server:\n' +
        '  scripts/services up postgres\n' +
        '  eval $(scripts/services env)   # or: export DATABASE_URL=postgres://souk:souk@127.0.0.1:5432/souk\n' +
        '  npm run bench\n' +
        'It creates and drops its own database (BENCH_DATABASE, default souk_bench) on that server.\n',
    );
    return 2;
  }
  const selection = selectScenarios(process.env.BENCH_SCENARIOS);
  const load: LoadSettings = {
    connections: envInt('BENCH_CONNECTIONS', 32),
    warmupS: envInt('BENCH_WARMUP_S', 3),
    durationS: envInt('BENCH_DURATION_S', 15),
    headers: {},
  };
  const workers = envInt('BENCH_CHECKOUT_WORKERS', load.connections);
  const maxCarts = envInt('BENCH_CHECKOUT_MAX_CARTS', 20_000);
  const bench = benchDatabase(source, process.env.BENCH_DATABASE || 'souk_bench');

  // The API loads the bundled spec at startup. Generate only when it is missing: `generate` also
  // rewrites the committed api/src/generated types, which a measurement should not do behind your back.
  if (!existsSync(join(root, 'spec/dist/openapi.json')))
    await runCommand('npm', ['run', 'generate', '--silent']);
  database = { source, bench };
  await createDatabase(source, bench);
  process.stdout.write(`bench: created database ${bench.name}\n`);
  const keys = await seed(bench.url);
  load.headers['X-Api-Key'] = keys.storefront;

  const [apiPort, barePort, unlimitedPort] = [await freePort(), await freePort(), await freePort()];
  const apiEnv = apiEnvironment(bench.url);
  const api = startService('api', 'api/src/main.ts', `http://127.0.0.1:${apiPort}`, {
    ...apiEnv,
    PORT: String(apiPort),
    // The cached rows measure the read cache as a storefront in steady state sees it.
    CATALOG_CACHE_TTL_MS: process.env.CATALOG_CACHE_TTL_MS || '2000',
  });
  services.push(api);
  process.stdout.write(
    `bench: rate limits kept in ${process.env.REDIS_URL ? `Redis (${process.env.REDIS_URL})` : 'process (no REDIS_URL)'}\n`,
  );
  const unlimited = selection.reads.has('list-unlimited')
    ? startService('api-unlimited', 'api/src/main.ts', `http://127.0.0.1:${unlimitedPort}`, {
        ...apiEnv,
        PORT: String(unlimitedPort),
        RATE_LIMIT_ENABLED: 'false',
      })
    : undefined;
  if (unlimited) services.push(unlimited);
  // bare Koa only runs for the read scenarios, whose ratios it is the baseline of.
  const bare =
    selection.reads.size > 0
      ? startService('bare-koa', 'bench/bare-koa.ts', `http://127.0.0.1:${barePort}`, {
          ...process.env,
          PORT: String(barePort),
        })
      : undefined;
  if (bare) services.push(bare);
  await Promise.all(services.map((s) => waitForOk(s, s === bare ? '/' : '/ready')));

  // The production start (compiled JS, no generate step), timed alone once the others are up; it
  // serves the uncached rows and its RSS after them is the memory target.
  let prod: { service: Service; startupMs: number } | undefined;
  if (selection.reads.size > 0) {
    await runCommand('node', ['scripts/build.mjs']);
    const { service, ready } = await startProductionApi('api-prod', { ...apiEnv, CATALOG_CACHE_TTL_MS: '0' });
    services.push(service);
    prod = { service, startupMs: await ready };
  }
  // The embedded production start, also before the reads: alone, on a machine the reads have not heated.
  const embedded: EmbeddedStartup | undefined = prod ? await measureEmbeddedStartup() : undefined;

  const log = (line: string) => process.stdout.write(`${line}\n`);
  // Reads first: checkout changes stock and adds orders, which the read scenarios should not see.
  let reads: ReadRun | undefined;
  if (bare) {
    const targets = {
      api: api.url,
      bare: bare.url,
      unlimited: unlimited?.url,
      uncached: prod?.service.url,
      operatorKey: keys.operator,
    };
    reads = await runReads(targets, load, selection.reads, log);
  }
  const prodRss = prod ? rssMiB(prod.service) : undefined;
  const processChecks: TargetCheck[] = prod
    ? [
        {
          scenario: 'start-up (npm run start:prod, PostgreSQL)',
          description: `ready in ${Math.round(prod.startupMs)} ms (target ≤ 2000 ms)`,
          pass: prod.startupMs <= 2000,
        },
        ...(embedded ? [embeddedStartupCheck(embedded)] : []),
        {
          scenario: 'API RSS after the uncached reads',
          description: `${prodRss === undefined ? 'unreadable' : prodRss.toFixed(0)} MiB (target ≤ 150 MiB)`,
          pass: prodRss !== undefined && prodRss <= 150,
        },
      ]
    : [];
  let checkout: CheckoutResult | undefined;
  if (selection.checkout) {
    const settings = {
      workers,
      maxCarts,
      warmupS: load.warmupS,
      durationS: load.durationS,
      headers: load.headers,
      apiPid: api.child.pid,
      dbName: bench.name,
    };
    checkout = await measureCheckout(api.url, bench.url, settings, log);
  }

  const setup =
    `${load.connections} connections, ${load.warmupS} s warm-up, ${load.durationS} s measured, ` +
    `node ${process.version}, ${cpus().length} CPUs, load average at start ${idleLoad.toFixed(2)}, ` +
    `at end ${(loadavg()[0] ?? 0).toFixed(2)}`;
  process.stdout.write(`\nSouk bench — ${setup}\n`);
  if (reads) {
    process.stdout.write(`\n${markdownTable(reads.scenarios, reads.results)}\n\n`);
    for (const c of reads.checks) log(`${c.pass ? 'PASS' : 'MISS'}  ${c.scenario}: ${c.description}`);
  }
  for (const c of processChecks) log(`${c.pass ? 'PASS' : 'MISS'}  ${c.scenario}: ${c.description}`);
  log('note: events are measured by `npm run bench:events` (its own PASS/MISS lines)');
  if (checkout) {
    process.stdout.write(`\n${checkoutTable(checkout)}\n\n`);
    for (const c of checkout.invariants)
      log(`${c.pass ? 'PASS' : 'FAIL'}  invariant ${c.scenario}: ${c.description}`);
    log(
      `${checkout.target.pass ? 'PASS' : 'MISS'}  ${checkout.target.scenario}: ${checkout.target.description}`,
    );
    if (checkout.cpu) log(`note: ${checkoutCpuLine(checkout.cpu)}`);
  }
  for (const s of services) {
    if (s.suppressedLines() > 0) log(`note: ${s.name} printed ${s.suppressedLines()} more lines`);
  }

  const outDir = join(root, 'bench/results');
  mkdirSync(outDir, { recursive: true });
  const report = {
    ...machine(),
    loadAverageAtStart: idleLoad,
    loadAverageAtEnd: loadavg()[0] ?? 0,
    // Not the headers: the key dies with the bench database, but a results file is no place for one.
    load: { connections: load.connections, warmupS: load.warmupS, durationS: load.durationS },
    results: reads?.results ?? [],
    checks: [...(reads?.checks ?? []), ...processChecks],
    embeddedStartup: embedded,
    checkout,
  };
  writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  log('\nbench: wrote bench/results/latest.json');

  let code = 0;
  if (reads && reads.failed.length > 0) {
    const list = reads.failed.map((m) => `${m.label} (${m.errors} errors, ${m.non2xx} non-2xx)`).join('; ');
    process.stderr.write(`bench: FAILED, requests did not all succeed: ${list}\n`);
    code = 1;
  }
  const broken = checkout?.invariants.filter((c) => !c.pass) ?? [];
  if (broken.length > 0) {
    process.stderr.write(`bench: FAILED, checkout invariants: ${broken.map((c) => c.scenario).join(', ')}\n`);
    code = 1;
  }
  return code;
}

let code = 1;
try {
  code = await main();
} catch (err) {
  // After Ctrl-C the in-flight step fails because its children are gone; that error is just noise.
  if (!interrupted) {
    const detail =
      err instanceof BenchError ? err.message : err instanceof Error ? (err.stack ?? err.message) : err;
    process.stderr.write(`bench: ${String(detail)}\n`);
  }
} finally {
  await cleanup();
}
process.exit(code);
