/**
 * What the bench scripts share: the repository root, settings from the environment, one-shot commands
 * and requests, and the bench's own databases with the seeded demo catalog and its keys. The
 * long-running processes and their measurements are in processes.ts.
 */
import { spawn } from 'node:child_process';
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
