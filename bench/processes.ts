/**
 * The processes the bench starts and watches: long-running services (the APIs, bare Koa), started,
 * awaited and stopped, their CPU and memory from /proc, and the API's bench environment and metrics.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { BenchError, envInt, freePort, root } from './lib.js';

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
 * undefined once it is gone or where it cannot be read. `children`: the time of its children it has
 * reaped instead (cutime + cstime), e.g. PostgreSQL's backends that have exited.
 */
export function processCpuMs(pid: number, which: 'self' | 'children' = 'self'): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields 14-17 (utime, stime, cutime, cstime), counted after the parenthesised command name.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const at = which === 'self' ? 11 : 13;
    return (Number(fields[at]) + Number(fields[at + 1])) * 10;
  } catch {
    return undefined;
  }
}

/**
 * The pid of the local process listening on TCP `port` (Linux /proc: the socket's inode in
 * /proc/net/tcp{,6}, then the process holding it), or undefined when none can be seen — e.g. a shared
 * Kafka broker, whose CPU per event the events bench reports beside its own.
 */
export function listenerPid(port: number): number | undefined {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      // local_address is "ADDR:PORT"; state 0A is LISTEN; the inode is the tenth column.
      if (f[1]?.endsWith(`:${hex}`) && f[3] === '0A' && f[9]) inodes.add(`socket:[${f[9]}]`);
    }
  }
  if (inodes.size === 0) return undefined;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      for (const fd of readdirSync(`/proc/${entry}/fd`))
        if (inodes.has(readlinkSync(`/proc/${entry}/fd/${fd}`))) return Number(entry);
    } catch {
      // gone, or not ours to read
    }
  }
  return undefined;
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

/**
 * Starts the production build as production starts it (`api/dist/main.js` with `npm run start:prod`'s
 * flags) on a free port. `ready` is its start-up, the bench's one definition of it: the ms from spawn
 * until `GET /ready` answers 200. The service is returned at once, so the caller can have it stopped
 * (on failure, on Ctrl-C) before it is ready.
 */
export async function startProductionApi(
  name: string,
  env: NodeJS.ProcessEnv,
  readyTimeoutMs?: number,
): Promise<{ service: Service; ready: Promise<number> }> {
  const port = await freePort();
  const started = performance.now();
  const service = startService(
    name,
    'api/dist/main.js',
    `http://127.0.0.1:${port}`,
    { ...env, PORT: String(port) },
    productionNodeArgs(),
  );
  const ready = waitForOk(service, '/ready', readyTimeoutMs).then(() => performance.now() - started);
  return { service, ready };
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
