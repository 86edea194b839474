/**
 * Starting and stopping the Souk API and this storefront as child processes. Used by the root
 * `npm start` (scripts/start.ts) and by the end-to-end tests (e2e/setup.ts). Node built-ins only.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const storefrontDir = join(import.meta.dirname, '..');
export const repoRoot = join(storefrontDir, '..', '..');

/** The directory of a theme under storefronts/ (`bazaar`, `atelier`, …). */
export function themeDir(theme: string): string {
  return join(repoRoot, 'storefronts', theme);
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Something already listens on a port a process of the stack was about to use. */
export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly what: string,
  ) {
    super(`port ${port} (${what}) is already in use by another process`);
    this.name = 'PortInUseError';
  }
}

function tryListen(port: number, host: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(undefined)));
  });
}

/**
 * Rejects with PortInUseError when anything listens on `port`, on any interface, IPv4 or IPv6.
 * Binding the dual-stack wildcard `::` conflicts with a listener on 127.0.0.1, ::1, 0.0.0.0 or ::,
 * which a connect probe to one address (or a bind to 0.0.0.0, blind to ::1) would not all see.
 */
export async function assertPortFree(port: number, what: string): Promise<void> {
  let code = await tryListen(port, '::');
  if (code === 'EAFNOSUPPORT' || code === 'EADDRNOTAVAIL') code = await tryListen(port, '0.0.0.0'); // no IPv6
  if (code === 'EADDRINUSE') throw new PortInUseError(port, what);
  if (code) throw new Error(`cannot check port ${port} (${what}): ${code}`);
}

export interface Child {
  name: string;
  process: ChildProcess;
  /** Resolves with the exit code once the process ended. */
  exited: Promise<number | null>;
  /** Resolves with the first output line (stdout or stderr) matching `pattern`; rejects if the child exits first. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
}

/**
 * Spawns a process in its own process group (so stopping it also stops anything it spawned).
 * Output goes to the terminal with a name prefix, or to `logFile`.
 */
export function spawnChild(
  name: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logFile?: string },
): Child {
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const sink = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : undefined;
  const watchers = new Set<(line: string) => void>();
  const recent: string[] = []; // lines printed before a watcher was registered still count
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream?.on('data', (chunk: Buffer) => {
      if (sink) sink.write(chunk);
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        if (!sink && line.trim()) process.stdout.write(`[${name}] ${line}\n`);
        recent.push(line);
        if (recent.length > 200) recent.shift();
        for (const watch of watchers) watch(line);
      }
    });
  }
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  exited.then(() => sink?.end());
  const waitForLine = (pattern: RegExp, timeoutMs: number) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const done = () => {
        watchers.delete(watch);
        clearTimeout(timer);
      };
      const watch = (line: string) => {
        const match = line.match(pattern);
        if (match) {
          done();
          resolve(match);
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`${name} did not print ${pattern} within ${timeoutMs} ms`));
      }, timeoutMs);
      watchers.add(watch);
      for (const line of recent) if (watchers.has(watch)) watch(line);
      exited.then((code) => {
        done();
        reject(new Error(`${name} exited (code ${code}) before it was ready`));
      });
    });
  return { name, process: child, exited, waitForLine };
}

/**
 * Waits until `child` itself reports listening on `port` (a line of its output carrying
 * `http://…:<port>`, matched by `pattern`), then until `path` answers 200. Asking the port alone would
 * take any other process that answers there for the child.
 */
async function waitForOwnListener(
  child: Child,
  pattern: RegExp,
  port: number,
  path: string,
  timeoutMs: number,
): Promise<string> {
  const match = await child.waitForLine(pattern, timeoutMs);
  const url = new URL(match[1] ?? '');
  if (Number(url.port) !== port)
    throw new Error(`${child.name} listens on ${url.origin}, not on port ${port} as asked`);
  await waitForHttp(`${url.origin}${path}`, child, timeoutMs);
  return url.origin;
}

/** Waits until `url` answers 200; fails early when `child` exits first. */
export async function waitForHttp(url: string, child: Child, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  child.exited.then(() => {
    exited = true;
  });
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${child.name} exited before ${url} was ready`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await res.body?.cancel();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} was not ready within ${timeoutMs} ms`);
}

/** Stops a child and its process group: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopChild(child: Child, graceMs = 10_000): Promise<void> {
  const pid = child.process.pid;
  if (pid === undefined || child.process.exitCode !== null || child.process.signalCode !== null) return;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // already gone
    }
  };
  signalGroup('SIGTERM');
  const timer = setTimeout(() => signalGroup('SIGKILL'), graceMs);
  await child.exited;
  clearTimeout(timer);
}

export interface ApiOptions {
  port: number;
  /** Embedded database directory (ignored with `databaseUrl`). */
  pgliteDir?: string;
  databaseUrl?: string;
  logFile?: string;
  extraEnv?: Record<string, string>;
}

/**
 * Starts the Souk API (`api/src/main.ts`) and waits for `GET /ready`. The API's own configuration
 * (README) applies; `extraEnv` overrides it (the tests ask for `SEED_DEMO=always` on a fresh database).
 */
export async function startApi(options: ApiOptions): Promise<{ child: Child; url: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(options.port), ...options.extraEnv };
  // Its own Kafka topic when the run has a broker: events of this database never reach another's consumers.
  if (env.KAFKA_BROKERS && !options.extraEnv?.KAFKA_TOPIC)
    env.KAFKA_TOPIC = `souk.e2e.${options.port}.${Date.now()}`;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  else if (options.pgliteDir) {
    delete env.DATABASE_URL;
    env.PGLITE_DIR = options.pgliteDir;
  }
  const child = spawnChild('api', ['--import', 'tsx', 'api/src/main.ts'], {
    cwd: repoRoot,
    env,
    ...(options.logFile ? { logFile: options.logFile } : {}),
  });
  // main.ts prints `  API:      http://localhost:<port>` once its own server listens.
  const own = await waitForOwnListener(child, /^\s*API:\s+(http:\/\/\S+)/, options.port, '/ready', 180_000);
  const url = env.HOST === '127.0.0.1' ? own.replace('localhost', '127.0.0.1') : own;
  return { child, url };
}

/**
 * The `next` CLI a theme's own dependencies resolve to. A theme in another checkout (the bench's
 * `label=dir` baseline, with its own node_modules) must run its own `next`: this checkout's would
 * resolve React from here while the theme's code resolves it from there, two Reacts in one build
 * (prerendering fails on a null dispatcher).
 */
export function nextBin(dir: string = storefrontDir): string {
  return createRequire(join(dir, 'package.json')).resolve('next/dist/bin/next');
}

/** Environment of a `next` process: telemetry off, the theme's Souk configuration. */
export function storefrontEnv(
  apiUrl: string,
  port: number,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    SOUK_API_URL: apiUrl,
    SOUK_PUBLISHABLE_KEY: process.env.SOUK_PUBLISHABLE_KEY ?? 'pk_demo_storefront',
    PORT: String(port),
    ...extra,
  };
}

/** Runs `next build` (webpack: see next.config.ts) of a theme (default Bazaar) and resolves when it succeeded. */
export async function buildStorefront(
  env: NodeJS.ProcessEnv,
  logFile?: string,
  dir: string = storefrontDir,
): Promise<void> {
  const child = spawnChild('build', [nextBin(dir), 'build', '--webpack'], {
    cwd: dir,
    env: { ...env, NODE_ENV: 'production' },
    ...(logFile ? { logFile } : {}),
  });
  const code = await child.exited;
  if (code !== 0) throw new Error(`next build failed (exit ${code})${logFile ? `; see ${logFile}` : ''}`);
}

/** Whether a production build of a theme (default Bazaar) exists. */
export function hasBuild(dir: string = storefrontDir): boolean {
  return existsSync(join(dir, '.next', 'BUILD_ID'));
}

/**
 * Drops the pages `next start` generated on demand into a build (`.next/server/route-cache`). They
 * name the API of the run that made them (its port, its media URLs): a later server of the same build
 * would serve them, pointing at an API that is gone, until each is regenerated.
 */
export function dropGeneratedPages(dir: string = storefrontDir): void {
  rmSync(join(dir, '.next', 'server', 'route-cache'), { recursive: true, force: true });
}

/**
 * Starts `next start` (production; on a build without pages generated by an earlier server) or
 * `next dev` of a theme on `port` and waits until it serves a page.
 */
export async function startStorefront(
  mode: 'start' | 'dev',
  port: number,
  env: NodeJS.ProcessEnv,
  logFile?: string,
  dir: string = storefrontDir,
  name = 'storefront',
): Promise<{ child: Child; url: string }> {
  if (mode === 'start') dropGeneratedPages(dir);
  const args =
    mode === 'dev'
      ? [nextBin(dir), 'dev', '--webpack', '-p', String(port)]
      : [nextBin(dir), 'start', '-p', String(port)];
  const child = spawnChild(name, args, {
    cwd: dir,
    env: { ...env, NODE_ENV: mode === 'dev' ? 'development' : 'production' },
    ...(logFile ? { logFile } : {}),
  });
  // Next prints `- Local: http://localhost:<port>` once it listens (next dev may pick another port
  // when the one asked for is taken). The icon is a static route: ready without compiling a page.
  const url = await waitForOwnListener(child, /Local:\s+(http:\/\/\S+)/, port, '/icon.svg', 120_000);
  return { child, url };
}
