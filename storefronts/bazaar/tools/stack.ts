/**
 * Starting and stopping the Souk API and this storefront as child processes. Used by the root
 * `npm start` (scripts/start.ts) and by the end-to-end tests (e2e/setup.ts). Node built-ins only.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const storefrontDir = join(import.meta.dirname, '..');
export const repoRoot = join(storefrontDir, '..', '..');

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

export interface Child {
  name: string;
  process: ChildProcess;
  /** Resolves with the exit code once the process ended. */
  exited: Promise<number | null>;
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
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      if (sink) sink.write(chunk);
      else
        for (const line of chunk.toString().split('\n'))
          if (line.trim()) process.stdout.write(`[${name}] ${line}\n`);
    });
  }
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  exited.then(() => sink?.end());
  return { name, process: child, exited };
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
  const url = `http://${env.HOST === '127.0.0.1' ? '127.0.0.1' : 'localhost'}:${options.port}`;
  await waitForHttp(`${url}/ready`, child, 180_000);
  return { child, url };
}

const nextBin = createRequire(join(storefrontDir, 'package.json')).resolve('next/dist/bin/next');

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

/** Runs `next build` (webpack: see next.config.ts) and resolves when it succeeded. */
export async function buildStorefront(env: NodeJS.ProcessEnv, logFile?: string): Promise<void> {
  const child = spawnChild('build', [nextBin, 'build', '--webpack'], {
    cwd: storefrontDir,
    env: { ...env, NODE_ENV: 'production' },
    ...(logFile ? { logFile } : {}),
  });
  const code = await child.exited;
  if (code !== 0) throw new Error(`next build failed (exit ${code})${logFile ? `; see ${logFile}` : ''}`);
}

/** Whether a production build exists. */
export function hasBuild(): boolean {
  return existsSync(join(storefrontDir, '.next', 'BUILD_ID'));
}

/** Starts `next start` (production) or `next dev` on `port` and waits until it serves a page. */
export async function startStorefront(
  mode: 'start' | 'dev',
  port: number,
  env: NodeJS.ProcessEnv,
  logFile?: string,
): Promise<{ child: Child; url: string }> {
  const args =
    mode === 'dev'
      ? [nextBin, 'dev', '--webpack', '-p', String(port)]
      : [nextBin, 'start', '-p', String(port)];
  const child = spawnChild('storefront', args, {
    cwd: storefrontDir,
    env: { ...env, NODE_ENV: mode === 'dev' ? 'development' : 'production' },
    ...(logFile ? { logFile } : {}),
  });
  const url = `http://localhost:${port}`;
  // The icon is a static route: ready as soon as the server listens, without compiling a page.
  await waitForHttp(`${url}/icon.svg`, child, 120_000);
  return { child, url };
}
