import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

const main = new URL('../../src/main.ts', import.meta.url).pathname;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Runs the real entry point as a child process and collects its output lines. */
function startApi(env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', main], {
    // No background rendering of the seeded catalog's images: these processes live seconds.
    env: { ...process.env, MEDIA_PRERENDER: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => lines.push(...d.toString().split('\n').filter(Boolean)));
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = async (predicate: (line: string) => boolean, ms: number) => {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (lines.some(predicate)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out; output:\n${lines.join('\n')}\n${stderr}`);
  };
  return { child, lines, exited, waitFor, stderr: () => stderr };
}

describe('process lifecycle', () => {
  let testDb: TestDatabase | undefined;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'souk-lifecycle-'));
    if (process.env.DATABASE_URL) testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to start on bad configuration, naming the variable', async () => {
    const api = startApi({ PORT: 'eighty', DEFAULT_CURRENCY: 'dollars' });
    expect(await api.exited).toBe(2);
    expect(api.stderr()).toMatch(/PORT="eighty"/);
    expect(api.stderr()).toMatch(/DEFAULT_CURRENCY="dollars"/);
  });

  it('refuses to start in production with the Auth emulator configured', async () => {
    const api = startApi({ NODE_ENV: 'production', FIREBASE_AUTH_EMULATOR_HOST: '127.0.0.1:9099' });
    expect(await api.exited).toBe(2);
    expect(api.stderr()).toMatch(
      /FIREBASE_AUTH_EMULATOR_HOST="127.0.0.1:9099": must not be set when NODE_ENV=production/,
    );
  });

  it('refuses to start in production while the demo keys exist', async () => {
    const prodDir = mkdtempSync(join(tmpdir(), 'souk-prod-'));
    try {
      const api = startApi({
        NODE_ENV: 'production',
        SEED_DEMO: 'always',
        PGLITE_DIR: prodDir,
        PORT: String(await freePort()),
        LOG_LEVEL: 'silent',
        DATABASE_URL: '',
        // The test environment may point at the Auth emulator, which production refuses (exit 2).
        FIREBASE_AUTH_EMULATOR_HOST: '',
      });
      expect(await api.exited).toBe(1);
      expect(api.stderr()).toMatch(/demo API keys exist/);
    } finally {
      rmSync(prodDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('on SIGTERM stops accepting connections, finishes the in-flight request, then exits 0', async () => {
    const port = await freePort();
    const api = startApi({
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      SEED_DEMO: 'always',
      PGLITE_DIR: dir,
      DATABASE_URL: testDb?.config.DATABASE_URL ?? '',
    });
    try {
      await api.waitFor((l) => l.includes('"msg":"listening"'), 90_000);

      // An in-flight request: headers and half the body now, the rest after SIGTERM.
      const body = JSON.stringify({ q: 'boot', limit: 1 });
      const socket = connect(port, '127.0.0.1');
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      let response = '';
      socket.on('data', (d) => {
        response += d.toString();
      });
      const ended = new Promise<void>((resolve) => socket.once('end', () => resolve()));
      socket.write(
        `POST /store/products/search HTTP/1.1\r\nHost: x\r\nX-Api-Key: pk_demo_storefront\r\nX-Request-Id: inflight-1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 5)}`,
      );
      await new Promise((r) => setTimeout(r, 200));
      api.child.kill('SIGTERM');
      await api.waitFor((l) => l.includes('shutting down'), 5_000);

      // New connections are refused once the listener is closed.
      const refused = await new Promise<boolean>((resolve) => {
        const probe = connect(port, '127.0.0.1');
        probe.once('connect', () => {
          probe.destroy();
          resolve(false);
        });
        probe.once('error', () => resolve(true));
      });
      expect(refused).toBe(true);

      socket.write(body.slice(5));
      await ended;
      expect(response).toMatch(/^HTTP\/1\.1 200 OK/);
      expect(response).toMatch(/connection: close/i);
      expect(await api.exited).toBe(0);

      // Every log line is JSON; the request's line carries its request id.
      const logs = api.lines
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(logs.find((l) => l.msg === 'request' && l.path === '/store/products/search')).toMatchObject({
        request_id: 'inflight-1',
        status: 200,
      });
      expect(logs.some((l) => l.msg === 'shutdown complete')).toBe(true);
    } finally {
      api.child.kill('SIGKILL');
    }
  }, 120_000);
});
