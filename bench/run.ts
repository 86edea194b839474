/**
 * `npm run bench`: throughput and latency of the storefront read endpoints against a bare Koa
 * baseline, on real PostgreSQL. See bench/README.md for what is measured and the targets.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import {
  type BenchDatabase,
  BenchError,
  benchDatabase,
  createDatabase,
  dropDatabase,
  envInt,
  freePort,
  getJson,
  root,
  runCommand,
  type Service,
  startService,
  stopService,
  waitForOk,
} from './lib.js';
import {
  checkTargets,
  type LoadSettings,
  type Measurement,
  markdownTable,
  measure,
  type Scenario,
} from './measure.js';

interface Page {
  data: { id: string; title: string; category: { handle: string } | null }[];
}
interface Categories {
  data: { handle: string }[];
}

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

/** Finds real ids so every URL hits data, and checks the search scenario is not an empty result. */
async function pickScenarios(
  api: string,
  bare: string,
  headers: Record<string, string>,
): Promise<Scenario[]> {
  const q = process.env.BENCH_QUERY || 'boot';
  const category = process.env.BENCH_CATEGORY || 'footwear';
  const first = await getJson<Page>(`${api}/store/products?limit=1`, headers);
  const product = first.data[0];
  if (!product) throw new BenchError('GET /store/products?limit=1 returned no products; did the seed run?');
  const categories = await getJson<Categories>(`${api}/store/categories`, headers);
  if (!categories.data.some((c) => c.handle === category)) {
    throw new BenchError(
      `category "${category}" not found; have: ${categories.data.map((c) => c.handle).join(', ')}`,
    );
  }
  const searchPath = `/store/products?limit=20&q=${encodeURIComponent(q)}&category=${encodeURIComponent(category)}`;
  const search = await getJson<Page>(`${api}${searchPath}`, headers);
  if (search.data.length === 0) {
    throw new BenchError(
      `GET ${searchPath} returned no products; set BENCH_QUERY/BENCH_CATEGORY to a pair that does`,
    );
  }
  process.stdout.write(
    `bench: product ${product.id}; q=${q} category=${category} → ${search.data.length} products ` +
      `(e.g. "${search.data[0]?.title}")\n`,
  );
  const listing = { minRatio: 0.5, maxP99Ms: 25 };
  return [
    { key: 'bare-koa', label: 'a. bare Koa, fixed 8 KB JSON', url: `${bare}/` },
    {
      key: 'list',
      label: 'b. GET /store/products?limit=20',
      url: `${api}/store/products?limit=20`,
      ...listing,
    },
    { key: 'search', label: `c. GET ${searchPath}`, url: `${api}${searchPath}`, ...listing },
    {
      key: 'detail',
      label: 'd. GET /store/products/{id}',
      url: `${api}/store/products/${encodeURIComponent(product.id)}`,
      minRatio: 0.6,
    },
  ];
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
  const load: LoadSettings = {
    connections: envInt('BENCH_CONNECTIONS', 32),
    warmupS: envInt('BENCH_WARMUP_S', 3),
    durationS: envInt('BENCH_DURATION_S', 15),
    headers: {},
  };
  const bench = benchDatabase(source, process.env.BENCH_DATABASE || 'souk_bench');

  // The API loads the bundled spec at startup. Generate only when it is missing: `generate` also
  // rewrites the committed api/src/generated types, which a measurement should not do behind your back.
  if (!existsSync(join(root, 'spec/dist/openapi.json')))
    await runCommand('npm', ['run', 'generate', '--silent']);
  database = { source, bench };
  await createDatabase(source, bench);
  process.stdout.write(`bench: created database ${bench.name}\n`);
  const seedOutput = await runCommand(process.execPath, ['--import', 'tsx', 'api/src/seed/cli.ts'], {
    ...process.env,
    DATABASE_URL: bench.url,
    LOG_LEVEL: 'warn',
  });
  // /store/* needs a publishable key. Not the well-known demo keys (`seed --demo`): the API refuses
  // to start with those under NODE_ENV=production, so take the one-time key the plain seed prints.
  const storefrontKey =
    process.env.BENCH_API_KEY || /^seed: Storefront key \(shown once[^)]*\): (\S+)$/m.exec(seedOutput)?.[1];
  if (!storefrontKey)
    throw new BenchError('the seed printed no storefront key; set BENCH_API_KEY to a pk_ key');
  load.headers['X-Api-Key'] = storefrontKey;

  const [apiPort, barePort] = [await freePort(), await freePort()];
  const api = startService('api', 'api/src/main.ts', `http://127.0.0.1:${apiPort}`, {
    ...process.env,
    DATABASE_URL: bench.url,
    PORT: String(apiPort),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'never',
    NODE_ENV: 'production',
  });
  services.push(api);
  const bare = startService('bare-koa', 'bench/bare-koa.ts', `http://127.0.0.1:${barePort}`, {
    ...process.env,
    PORT: String(barePort),
  });
  services.push(bare);
  await Promise.all([waitForOk(api, '/ready'), waitForOk(bare, '/')]);

  const scenarios = await pickScenarios(api.url, bare.url, load.headers);
  const results: Measurement[] = [];
  for (const scenario of scenarios) {
    process.stdout.write(`bench: ${scenario.label} (${load.warmupS} s warm-up + ${load.durationS} s)…\n`);
    results.push(await measure(scenario, load));
  }

  const baseline = results[0]?.reqPerSec ?? 0;
  if (baseline <= 0) throw new BenchError('bare Koa served no requests; the baseline is unusable');
  const checks = checkTargets(scenarios, results, baseline);
  const failed = results.filter((m) => m.errors > 0 || m.non2xx > 0);

  const setup =
    `${load.connections} connections, ${load.warmupS} s warm-up, ${load.durationS} s measured, ` +
    `node ${process.version}, ${cpus().length} CPUs, load average at start ${idleLoad.toFixed(2)}`;
  process.stdout.write(`\nSouk bench — ${setup}\n\n${markdownTable(scenarios, results)}\n\n`);
  for (const c of checks)
    process.stdout.write(`${c.pass ? 'PASS' : 'MISS'}  ${c.scenario}: ${c.description}\n`);
  for (const s of services) {
    if (s.suppressedLines() > 0)
      process.stdout.write(`note: ${s.name} printed ${s.suppressedLines()} more lines\n`);
  }

  const outDir = join(root, 'bench/results');
  mkdirSync(outDir, { recursive: true });
  const report = {
    at: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    loadAverageAtStart: idleLoad,
    // Not the headers: the key dies with the bench database, but a results file is no place for one.
    load: { connections: load.connections, warmupS: load.warmupS, durationS: load.durationS },
    results,
    checks,
  };
  writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write('\nbench: wrote bench/results/latest.json\n');

  if (failed.length > 0) {
    const list = failed.map((m) => `${m.label} (${m.errors} errors, ${m.non2xx} non-2xx)`).join('; ');
    process.stderr.write(`bench: FAILED, requests did not all succeed: ${list}\n`);
    return 1;
  }
  return 0;
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
