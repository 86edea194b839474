/**
 * CPU per GraphQL listing request: the API process's CPU time from /proc around a fixed number of
 * `products(first: 20)` requests selecting every Product field (the bench's row b1), beside the same
 * page over REST (row b), so a change to the GraphQL path can be judged on a shared machine where
 * req/s is noise.
 *
 *   DATABASE_URL=… node --import tsx bench/graphql-cpu.ts
 *
 * CPU_REQUESTS requests per scenario and round (default 3000), CPU_ROUNDS rounds (3), CPU_CONNECTIONS
 * concurrent connections (16). CPU_BEFORE=<path of another checkout, npm-installed and generated> starts
 * its API too, on the same database, and every round measures both, in alternating order. CPU_PROFILE=1
 * starts the API(s) with --cpu-prof (profiles in bench/results/profiles/). The APIs run as in
 * `npm run bench` (NODE_ENV=production, tsx, catalog cache CATALOG_CACHE_TTL_MS, default 2000).
 * Database: BENCH_DATABASE (default souk_bench_graphql), dropped at the end.
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import {
  BenchError,
  benchDatabase,
  createDatabase,
  dropDatabase,
  envInt,
  freePort,
  root,
  seed,
} from './lib.js';
import {
  apiEnvironment,
  processCpuMs,
  type Service,
  startService,
  stopService,
  waitForOk,
} from './processes.js';
import { graphqlListing } from './reads.js';

interface Target {
  name: string;
  service: Service;
}

/** API CPU ms per request for `amount` requests of one scenario, and the requests that were not 200. */
async function cpuPerRequest(
  target: Target,
  request: { path: string; method?: 'POST'; body?: string; headers: Record<string, string> },
  amount: number,
  connections: number,
): Promise<{ ms: number; failed: number }> {
  const pid = target.service.child.pid ?? 0;
  const before = processCpuMs(pid) ?? 0;
  const r = await autocannon({
    url: `${target.service.url}${request.path}`,
    connections,
    amount,
    headers: request.headers,
    ...(request.method ? { method: request.method, body: request.body } : {}),
  });
  const after = processCpuMs(pid) ?? 0;
  return { ms: (after - before) / amount, failed: r.non2xx + r.errors };
}

async function main(): Promise<void> {
  const source = process.env.DATABASE_URL;
  if (!source) throw new BenchError('set DATABASE_URL (a PostgreSQL server whose role may CREATE DATABASE)');
  const amount = envInt('CPU_REQUESTS', 3000);
  const rounds = envInt('CPU_ROUNDS', 3);
  const connections = envInt('CPU_CONNECTIONS', 16);
  const bench = benchDatabase(source, process.env.BENCH_DATABASE || 'souk_bench_graphql');
  const targets: Target[] = [];
  try {
    await createDatabase(source, bench);
    const headers = { 'X-Api-Key': (await seed(bench.url)).storefront };
    const nodeArgs = ['--import', 'tsx'];
    if (process.env.CPU_PROFILE === '1')
      nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${join(root, 'bench/results/profiles')}`);
    const checkouts = [
      { name: 'this', dir: root },
      ...(process.env.CPU_BEFORE ? [{ name: 'before', dir: process.env.CPU_BEFORE }] : []),
    ];
    for (const { name, dir } of checkouts) {
      const port = await freePort();
      const env = {
        ...apiEnvironment(bench.url),
        PORT: String(port),
        CATALOG_CACHE_TTL_MS: process.env.CATALOG_CACHE_TTL_MS || '2000',
      };
      const service = startService(
        name,
        join(dir, 'api/src/main.ts'),
        `http://127.0.0.1:${port}`,
        env,
        nodeArgs,
      );
      targets.push({ name, service });
    }
    await Promise.all(targets.map((t) => waitForOk(t.service, '/ready')));
    const graphql = await graphqlListing(targets[0]?.service.url ?? '', headers);
    const scenarios = [
      {
        name: 'GraphQL b1',
        path: '/graphql',
        method: 'POST' as const,
        body: graphql.post?.body,
        headers: { ...headers, ...graphql.post?.headers },
      },
      { name: 'REST b', path: '/store/products?limit=20', headers },
    ];
    const out = (line: string) => process.stdout.write(`${line}\n`);
    // A faster path must answer the same bytes: compare the other checkout's answer with this one's.
    const answers = await Promise.all(
      targets.map(async (t) => {
        const res = await fetch(`${t.service.url}/graphql`, {
          method: 'POST',
          headers: scenarios[0]?.headers,
          body: scenarios[0]?.body ?? null,
        });
        return res.text();
      }),
    );
    if (answers.some((a) => a !== answers[0]))
      throw new BenchError(
        `the checkouts answer b1 differently:\n${answers.map((a) => a.slice(0, 400)).join('\n')}`,
      );
    out(
      `b1 answer: ${Buffer.byteLength(answers[0] ?? '')} bytes${targets.length > 1 ? ', the same from both checkouts' : ''}`,
    );
    // Warm-up: JIT, Yoga's lazy build, the pools, the caches.
    for (const t of targets) for (const s of scenarios) await cpuPerRequest(t, s, 1000, connections);
    out(`GraphQL CPU: ${amount} requests × ${rounds} rounds, ${connections} connections`);
    for (let round = 1; round <= rounds; round++) {
      const order = round % 2 === 1 ? targets : [...targets].reverse();
      for (const t of order) {
        const cells: string[] = [];
        for (const s of scenarios) {
          const { ms, failed } = await cpuPerRequest(t, s, amount, connections);
          if (failed > 0) throw new BenchError(`${t.name} ${s.name}: ${failed} requests failed`);
          cells.push(`${s.name} ${ms.toFixed(3)} ms`);
        }
        out(`round ${round} ${t.name}: ${cells.join(', ')} | load ${loadavg()[0]?.toFixed(1)}`);
      }
    }
  } finally {
    // A profile is written at exit: give the drain time to finish under load.
    await Promise.allSettled(targets.map((t) => stopService(t.service, 30_000)));
    await dropDatabase(source, bench).catch(() => undefined);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
