import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer, type Server as NetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { freePort, startApi, stopChild } from '../../../storefronts/bazaar/tools/stack.js';

// `npm start` must not report "up" because some other process answers on its ports: it checks that
// each port is free before starting anything, and trusts only its own children's word that they listen.
const root = join(import.meta.dirname, '../../..');
const scratch = mkdtempSync(join(tmpdir(), 'souk-start-'));
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** An impostor on `port` that answers 200 to every request, as another dev server would. */
async function impostor(port: number, host: string): Promise<Server> {
  const server = createHttpServer((_req, res) => res.end('{"status":"ready"}'));
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  return server;
}

/** A bare TCP listener on `host` only. */
async function listener(port: number, host: string): Promise<NetServer> {
  const server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  return server;
}

/** Runs `npm start`'s script in its own process group and collects its output until it exits. */
function npmStart(env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
    env: { ...process.env, PGLITE_DIR: join(scratch, 'pglite'), SEED_DEMO: 'never', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  cleanups.push(() => {
    try {
      if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  });
  return { exited, output: () => output };
}

describe('npm start (scripts/start.ts)', { timeout: 120_000 }, () => {
  it('refuses to start when the API port answers already, naming the port and the variable', async () => {
    const apiPort = await freePort();
    await impostor(apiPort, '0.0.0.0');
    const run = npmStart({ PORT: String(apiPort), STOREFRONT_PORT: String(await freePort()) });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain(`port ${apiPort} (PORT, the API) is already in use`);
    expect(run.output()).toContain(`PORT=${apiPort + 1} npm start`);
    expect(run.output()).not.toContain('is up');
  });

  it('refuses to start when the storefront port is taken, even on IPv6 loopback only', async () => {
    const webPort = await freePort();
    await listener(webPort, '::1');
    const run = npmStart({ PORT: String(await freePort()), STOREFRONT_PORT: String(webPort) });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain(`port ${webPort} (STOREFRONT_PORT, Bazaar) is already in use`);
    expect(run.output()).not.toContain('[api]'); // nothing was started
  });

  it('does not take an impostor answering /ready for the API it started', async () => {
    // The race the check above cannot close: the port is taken between the check and the API's bind.
    const port = await freePort();
    await impostor(port, '0.0.0.0');
    const outcome = await startApi({
      port,
      pgliteDir: join(scratch, 'impostor'),
      logFile: join(scratch, 'impostor.log'),
      extraEnv: { SEED_DEMO: 'never', LOG_LEVEL: 'warn' },
    }).then(
      (api) => {
        cleanups.push(() => stopChild(api.child));
        return 'reported as started';
      },
      (err: Error) => err.message,
    );
    expect(outcome).toMatch(/api exited \(code 1\) before it was ready/);
  });
});
