/**
 * CPU per storefront read of two builds of the API side by side: the API process, its PostgreSQL
 * backends and the Redis server, read from /proc around blocks of requests sent to one build at a time
 * (minus what the same processes used per second while idle just before), alternating the builds'
 * order every round, so a change can be judged on a shared machine where req/s is noise.
 *
 *   DATABASE_URL=… REDIS_URL=… node --import tsx bench/reads-cpu.ts
 *
 * CPU_BUILDS: comma list of compiled entry points (default `api/dist/main.js`; e.g.
 * `api/dist-before/main.js,api/dist/main.js` after copying the "before" build there), each started
 * with the flags of `npm run start:prod`. CPU_BUILD_ENV: environment of each build, `|` between builds,
 * spaces between `NAME=value` pairs (e.g. `|RATE_LIMIT_ENABLED=false` with the same entry point twice
 * compares one build with and without rate limiting). CPU_PATHS: comma list of `list`, `search`, `detail`,
 * `bad` (a listing with an invalid `limit`, answered 400), `media` (the first product's first picture
 * at `?w=480`, rendered in the warm-up), `media-304` (the same with its ETag in If-None-Match, answered
 * 304) (default `list,detail`). CPU_REQUESTS per
 * block (3000), CPU_ROUNDS (4), CPU_CONNECTIONS (32). The APIs run as in `npm run bench` with
 * `PLUGINS=none` and a 60 s relay poll so their idle background is small; CATALOG_CACHE_TTL_MS and
 * anything else in the environment reach them. Database: BENCH_DATABASE (default souk_bench_reads_cpu),
 * dropped at the end. The Redis server's CPU is whole-server (found by `pgrep -o redis-server`):
 * anything else using it adds to it. CPU_SEEDS: comma list of seed entry points, one per build (e.g.
 * `.souk/base/api/src/seed/cli.ts,api/src/seed/cli.ts`): each build then gets a database of its own
 * (BENCH_DATABASE + `_<n>`), migrated and seeded by its checkout, to compare a change of the schema or
 * its storage. CPU_PROFILE=<dir> starts each API with `--cpu-prof` into that directory;
 * CPU_SNAPSHOT=1 makes each API write a heap snapshot (into the root) after the rounds.
 */
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { cpuSample, cpuUsed, findRedisPid } from './cpu-sample.js';
import {
  type BenchDatabase,
  BenchError,
  benchDatabase,
  createDatabase,
  dropDatabase,
  envInt,
  freePort,
  getJson,
  seed,
} from './lib.js';
import {
  apiEnvironment,
  productionNodeArgs,
  type Service,
  startService,
  stopService,
  waitForOk,
} from './processes.js';
import { firstPicture } from './reads-media.js';

/** One build under comparison: its entry point and environment, and the database and key it reads with. */
interface Build {
  entry: string;
  env: Record<string, string>;
  database: BenchDatabase;
  headers: Record<string, string>;
}

/**
 * A build once its API answers: the process, a product of its database for the detail path and,
 * when a media path is measured, that product's picture with the ETag a browser would send back.
 */
interface Started extends Build {
  api: Service;
  productId: string;
  picture?: { path: string; etag: string };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

async function main(): Promise<void> {
  const source = process.env.DATABASE_URL;
  if (!source) throw new BenchError('set DATABASE_URL (a PostgreSQL server whose role may CREATE DATABASE)');
  const entries = (process.env.CPU_BUILDS || 'api/dist/main.js').split(',');
  const buildEnv = (process.env.CPU_BUILD_ENV ?? '').split('|').map((pairs) =>
    Object.fromEntries(
      pairs
        .split(' ')
        .filter(Boolean)
        .map((p) => p.split(/=(.*)/s).slice(0, 2)),
    ),
  );
  const paths = (process.env.CPU_PATHS || 'list,detail').split(',');
  const requests = envInt('CPU_REQUESTS', 3000);
  const rounds = envInt('CPU_ROUNDS', 4);
  const connections = envInt('CPU_CONNECTIONS', 32);
  const seeds = process.env.CPU_SEEDS ? process.env.CPU_SEEDS.split(',') : undefined;
  if (seeds && seeds.length !== entries.length) throw new BenchError('CPU_SEEDS needs one seed per build');
  const name = process.env.BENCH_DATABASE || 'souk_bench_reads_cpu';
  const databases = seeds
    ? seeds.map((_, i) => benchDatabase(source, `${name}_${i}`))
    : [benchDatabase(source, name)];
  const apis: Service[] = [];
  const redisPid = process.env.REDIS_URL ? findRedisPid() : undefined;
  const others = redisPid === undefined ? [] : [redisPid];
  try {
    const keys: Record<string, string>[] = [];
    for (const [i, db] of databases.entries()) {
      await createDatabase(source, db);
      keys.push({ 'X-Api-Key': (await seed(db.url, seeds?.[i])).storefront });
    }
    // Each build with what it runs on, settled once: its database (its own with CPU_SEEDS, else the
    // one they share) and the headers of that database's key.
    const builds: Build[] = entries.map((entry, i) => {
      const database = seeds ? databases[i] : databases[0];
      const headers = seeds ? keys[i] : keys[0];
      if (!database || !headers) throw new BenchError(`build ${i} (${entry}) has no database`);
      return { entry, env: buildEnv[i] ?? {}, database, headers };
    });
    const started: Started[] = [];
    for (const [i, build] of builds.entries()) {
      const port = await freePort();
      const env = {
        ...apiEnvironment(build.database.url),
        PORT: String(port),
        PLUGINS: 'none',
        RELAY_POLL_MS: '60000',
        ...build.env,
      };
      const profile = process.env.CPU_PROFILE
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.CPU_PROFILE}`]
        : [];
      const snapshot = process.env.CPU_SNAPSHOT === '1' ? ['--heapsnapshot-signal=SIGUSR2'] : [];
      const args = [...productionNodeArgs(), ...profile, ...snapshot];
      const api = startService(`api${i}`, build.entry, `http://127.0.0.1:${port}`, env, args);
      apis.push(api);
      await waitForOk(api, '/ready');
      // The build's own product for the detail (the databases of CPU_SEEDS hold different ids).
      const page = await getJson<{ data: { id: string }[] }>(
        `${api.url}/store/products?limit=1`,
        build.headers,
      );
      const productId = page.data[0]?.id;
      if (!productId) throw new BenchError('no product');
      // Its picture is rendered by this first GET.
      const picture = paths.some((p) => p.startsWith('media'))
        ? await firstPicture(api.url, build.headers)
        : undefined;
      started.push({ ...build, api, productId, ...(picture ? { picture } : {}) });
    }
    if (started.length === 0) throw new BenchError('no build');
    const pathOf = (path: string, build: Started): [string, number] | [] =>
      (
        ({
          list: ['/store/products?limit=20', 200],
          search: ['/store/products?limit=20&q=boot&category=footwear', 200],
          detail: [`/store/products/${build.productId}`, 200],
          bad: ['/store/products?limit=nope', 400],
          media: [build.picture?.path, 200],
          'media-304': [build.picture?.path, 304],
        }) as Record<string, [string, number]>
      )[path] ?? [];
    const out = (line: string) => process.stdout.write(`${line}\n`);
    const results = new Map<string, { api: number[]; pg: number[]; redis: number[] }>();
    const block = async (build: Started, path: string, amount: number) => {
      const { api } = build;
      const [url, status] = pathOf(path, build);
      if (!url) throw new BenchError(`unknown path ${path}`);
      const conditional: Record<string, string> =
        path === 'media-304' ? { 'if-none-match': build.picture?.etag ?? '' } : {};
      const headers = { ...build.headers, ...conditional };
      const r = await autocannon({ url: api.url + url, connections, amount, headers });
      const wrong = r.errors + r.timeouts + amount - (r.statusCodeStats[String(status)]?.count ?? 0);
      if (wrong > 0) throw new BenchError(`${api.name} ${url}: ${wrong} unexpected answers`);
    };
    // Warm-up: JIT, pools, prepared statements, caches.
    for (const build of started) for (const path of paths) await block(build, path, 1000);
    out(
      `reads CPU: ${requests} requests × ${rounds} rounds, ${connections} connections, ` +
        `CATALOG_CACHE_TTL_MS=${process.env.CATALOG_CACHE_TTL_MS ?? 'default'}, load ${loadavg()[0]?.toFixed(1)}`,
    );
    for (let round = 1; round <= rounds; round++) {
      for (const path of paths) {
        const order = round % 2 ? started : [...started].reverse();
        for (const build of order) {
          const { api, database: bench } = build;
          const pid = api.child.pid ?? 0;
          const i0 = await cpuSample(bench.url, bench.name, pid, others);
          await new Promise((r) => setTimeout(r, 1500));
          const i1 = await cpuSample(bench.url, bench.name, pid, others);
          await block(build, path, requests);
          const r1 = await cpuSample(bench.url, bench.name, pid, others);
          const idle = cpuUsed(i0, i1);
          const run = cpuUsed(i1, r1);
          const per = (x: number, idleX: number) => (x - (idleX / idle.ms) * run.ms) / requests;
          const row = {
            api: per(run.api, idle.api),
            pg: per(run.pg, idle.pg),
            redis: per(run.other, idle.other),
          };
          const key = `${path} ${api.name}`;
          const acc = results.get(key) ?? { api: [], pg: [], redis: [] };
          acc.api.push(row.api);
          acc.pg.push(row.pg);
          acc.redis.push(row.redis);
          results.set(key, acc);
          out(
            `round ${round} ${key}: API ${row.api.toFixed(3)} ms, PostgreSQL ${row.pg.toFixed(3)} ms, ` +
              `Redis ${row.redis.toFixed(3)} ms, ${Math.round(requests / (run.ms / 1000))} req/s, load ${loadavg()[0]?.toFixed(1)}`,
          );
        }
      }
    }
    if (process.env.CPU_SNAPSHOT === '1') {
      // A heap snapshot of each API after the rounds (written to its working directory, the root).
      for (const api of apis) {
        api.child.kill('SIGUSR2');
        await new Promise((r) => setTimeout(r, 15_000));
      }
    }
    for (const [key, r] of results) {
      const fmt = (xs: number[]) =>
        `${median(xs).toFixed(3)} (${Math.min(...xs).toFixed(3)}–${Math.max(...xs).toFixed(3)})`;
      out(`median ${key}: API ${fmt(r.api)}, PostgreSQL ${fmt(r.pg)}, Redis ${fmt(r.redis)}`);
    }
  } finally {
    for (const api of apis) await stopService(api);
    for (const db of databases) await dropDatabase(source, db).catch(() => undefined);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
