import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { dropServerDatabase } from '../api/test/support/test-db.js';

/** Repository root: every child runs from here so `--import tsx` and relative paths resolve. */
export const root = join(import.meta.dirname, '..');

/** Thrown for problems that deserve a one-line message rather than a stack trace. */
export class BenchError extends Error {
  override name = 'BenchError';
}

/** Reads a positive integer from the environment, falling back to `fallback` when unset or empty. */
export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new BenchError(`${name}=${raw} must be a positive integer`);
  return value;
}

/** Asks the OS for a free TCP port on 127.0.0.1 (released again before returning). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new BenchError('could not get a free port'))));
    });
  });
}

/**
 * Runs a command to completion, echoing its output unless `echo` is false (output holding secrets);
 * resolves with its stdout (for values it prints, such as the seed's keys) and rejects on a non-zero exit.
 */
export function runCommand(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  { echo = true }: { echo?: boolean } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (echo) process.stdout.write(chunk);
    });
    child.once('error', reject);
    child.once('close', (code, signal) =>
      code === 0
        ? resolve(stdout)
        : reject(new BenchError(`${[command, ...args].join(' ')} exited with ${signal ?? `code ${code}`}`)),
    );
  });
}

/** A long-running child whose output is relayed with a prefix, capped so a chatty server can't flood. */
export interface Service {
  name: string;
  child: ChildProcess;
  url: string;
  /** Lines the child printed beyond the relay cap. */
  suppressedLines(): number;
}

const RELAY_CAP = 40;

/** Starts `node --import tsx <script>` as a named service listening on `url`. */
export function startService(
  name: string,
  script: string,
  url: string,
  env: NodeJS.ProcessEnv,
  nodeArgs: readonly string[] = ['--import', 'tsx'],
): Service {
  const child = spawn(process.execPath, [...nodeArgs, script], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let relayed = 0;
  let suppressed = 0;
  const relay = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      if (relayed++ < RELAY_CAP) process.stderr.write(`[${name}] ${line}\n`);
      else suppressed++;
    }
  };
  child.stdout?.on('data', relay);
  child.stderr?.on('data', relay);
  return { name, child, url, suppressedLines: () => suppressed };
}

/**
 * The node flags of `npm run start:prod` (root package.json), e.g. `--conditions=souk-dist` and the
 * heap sizing: the bench starts the production API with exactly the flags production uses, so the
 * start-up and RSS rows measure what runs there.
 */
export function productionNodeArgs(): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const words = (pkg.scripts['start:prod'] ?? '').trim().split(/\s+/);
  const entry = words.indexOf('api/dist/main.js');
  if (words[0] !== 'node' || entry < 0)
    throw new BenchError(`start:prod is not "node <flags> api/dist/main.js": ${pkg.scripts['start:prod']}`);
  return words.slice(1, entry);
}

/**
 * CPU time (utime + stime) a process has used so far, in ms (Linux /proc; USER_HZ is 100), or
 * undefined once it is gone or where it cannot be read.
 */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // utime and stime are fields 14 and 15, counted after the parenthesised command name.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** Resident set size of a child process in MiB (Linux /proc), or undefined where it cannot be read. */
export function rssMiB(service: Service): number | undefined {
  try {
    const status = readFileSync(`/proc/${service.child.pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

/** Polls `GET url` until it answers 200; fails if the service exits first or `timeoutMs` passes. */
export async function waitForOk(
  service: Service,
  path: string,
  timeoutMs = envInt('BENCH_READY_TIMEOUT_MS', 30_000),
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null || service.child.signalCode !== null) {
      throw new BenchError(`${service.name} exited (${service.child.exitCode ?? service.child.signalCode})`);
    }
    try {
      const res = await fetch(`${service.url}${path}`);
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // Not listening yet: keep polling.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new BenchError(`${service.name} did not answer 200 on ${path} within ${timeoutMs} ms`);
}

/** Sends SIGTERM (the API drains gracefully), then SIGKILL if the child is still alive after `graceMs`. */
export async function stopService(service: Service, graceMs = 5_000): Promise<void> {
  const { child } = service;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** GETs a JSON document, failing loudly on anything but 200. */
export async function getJson<T>(url: string, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(url, { headers });
  if (res.status !== 200) throw new BenchError(`GET ${url} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** The bench's own database on the server of `DATABASE_URL`, so the bench never touches other data. */
export interface BenchDatabase {
  name: string;
  url: string;
}

/** Derives the bench database URL; refuses names that would need quoting or clash with the source. */
export function benchDatabase(sourceUrl: string, name: string): BenchDatabase {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new BenchError(`bad bench database name: ${name}`);
  const url = new URL(sourceUrl);
  if (decodeURIComponent(url.pathname.slice(1)) === name) {
    throw new BenchError(
      `DATABASE_URL already points at ${name}; the bench drops that database, pick another`,
    );
  }
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

/** Runs one statement on its own connection to `url` and returns the rows. */
export async function query<R extends pg.QueryResultRow>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Runs one statement on the server's admin connection (the database named in `DATABASE_URL`). */
async function adminQuery(sourceUrl: string, sql: string): Promise<void> {
  await query(sourceUrl, sql);
}

/** Drops any leftover bench database (from an interrupted run) and creates an empty one. */
export async function createDatabase(sourceUrl: string, db: BenchDatabase): Promise<void> {
  await dropDatabase(sourceUrl, db);
  await adminQuery(sourceUrl, `CREATE DATABASE "${db.name}"`);
}

/** Drops the bench database; FORCE ends connections a killed API might have left behind. */
export async function dropDatabase(sourceUrl: string, db: BenchDatabase): Promise<void> {
  await dropServerDatabase(sourceUrl, db.name);
}

/** The one line `seed/cli.ts --json` prints. */
interface SeedJson {
  seeded: boolean;
  driver: string;
  counts: Record<string, number>;
  keys: Record<string, string>;
}

/** The keys `seed` issued, for the requests the bench sends on behalf of each kind of caller. */
export interface SeededKeys {
  /** The storefront's publishable key (or `BENCH_API_KEY` when set), sent as `X-Api-Key` by readers. */
  storefront: string;
  /** The operator's key, for scenarios that change the marketplace while reading; absent if none was issued. */
  operator: string | undefined;
}

/**
 * Migrates and seeds the demo catalog into `url` and returns the keys it issued (the storefront key
 * being `BENCH_API_KEY` when that is set). Not the well-known demo keys of `seed --demo`: the API
 * refuses to start with those under NODE_ENV=production. The seed's output holds secrets, so it is
 * parsed, not echoed. `cli` is the seed's entry point (another checkout's, to seed the schema of its
 * migrations).
 */
export async function seed(url: string, cli = 'api/src/seed/cli.ts'): Promise<SeededKeys> {
  const out = await runCommand(
    process.execPath,
    ['--import', 'tsx', cli, '--json'],
    { ...process.env, DATABASE_URL: url },
    { echo: false },
  );
  const line = out
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('{'));
  let parsed: SeedJson;
  try {
    parsed = JSON.parse(line ?? '') as SeedJson;
  } catch {
    throw new BenchError(`seed --json printed no JSON line:\n${out.replace(/(pk|sk)_\w+/g, '$1_…')}`);
  }
  if (!parsed.seeded) throw new BenchError('the seed found data in the fresh bench database and did nothing');
  const counts = Object.entries(parsed.counts ?? {})
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  process.stdout.write(`bench: seeded ${counts} (${parsed.driver})\n`);
  const storefront = process.env.BENCH_API_KEY || parsed.keys?.storefront;
  if (!storefront) throw new BenchError('the seed issued no storefront key; set BENCH_API_KEY to a pk_ key');
  return { storefront, operator: parsed.keys?.operator };
}

/** The bearer token of the bench API's `/metrics`. */
export const metricsToken = randomBytes(16).toString('hex');

/** SQL statements the API at `api` has run so far (the count of `souk_db_query_duration_seconds`). */
export async function statementsRun(api: string): Promise<number> {
  const res = await fetch(`${api}/metrics`, { headers: { Authorization: `Bearer ${metricsToken}` } });
  if (!res.ok) throw new BenchError(`GET ${api}/metrics answered ${res.status}`);
  let total = 0;
  for (const line of (await res.text()).split('\n'))
    if (line.startsWith('souk_db_query_duration_seconds_count')) total += Number(line.split(' ').at(-1));
  return total;
}

/** The environment the bench starts the API with, on the bench database `url`. */
export function apiEnvironment(url: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: url,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'never',
    NODE_ENV: 'production',
    // /metrics answers the bench (statement counts of scenario b2); production serves it only with a token.
    METRICS_TOKEN: metricsToken,
    // Every request goes through the limiter (in Redis when REDIS_URL is set) but none is refused:
    // the bench measures what limiting costs, not what it refuses.
    ...Object.fromEntries(
      ['ANONYMOUS', 'PUBLISHABLE', 'CUSTOMER', 'SELLER', 'OPERATOR'].map((t) => [
        `RATE_LIMIT_${t}`,
        '1000000000',
      ]),
    ),
  };
}

/** When and on what a result was measured (the head of every results file). */
export function machine() {
  return {
    at: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryMiB: Math.round(totalmem() / 2 ** 20),
  };
}
