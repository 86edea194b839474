import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { register } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../test/support/eventually.js';
import { startTestApi, type TestApi } from '../../test/support/test-api.js';

/**
 * Redis going away must not take the API with it: the limiter fails open (documented in
 * rate-limit.ts), counts it, and resumes limiting when Redis is back. Runs a Redis of its own on a
 * free port, since it stops it.
 */
const redisServer = (() => {
  try {
    return execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
})();

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    redisServer ?? 'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const until = Date.now() + 10_000;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createServer();
      socket.once('error', () => resolve(true));
      socket.listen(port, '127.0.0.1', () => socket.close(() => resolve(false)));
    });
    if (open) return child;
    if (Date.now() > until) throw new Error('redis-server did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const storeErrors = async () =>
  (await register.getSingleMetric('souk_rate_limit_store_errors_total')?.get())?.values[0]?.value ?? 0;

describe.runIf(redisServer)('rate limiting when Redis is down', () => {
  let api: TestApi;
  let redis: ChildProcess;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    api = await startTestApi({
      env: { REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_COMMAND_TIMEOUT_MS: '200' },
    });
  });
  afterAll(async () => {
    redis?.kill('SIGKILL');
    await api?.close();
  });

  it('fails open with a metric while Redis is unreachable, and limits again once it is back', async () => {
    // On a loaded machine the first commands on a fresh connection can outlast the 200 ms
    // timeout and fail open too; what matters here is that a reachable Redis limits again.
    let limited = '';
    const reachable = await eventually(async () => {
      const up = await api.get('/store/categories');
      expect(up.status).toBe(200);
      limited = up.headers.get('ratelimit') ?? '';
      return limited !== '';
    }, 10_000);
    expect(reachable).toBe(true);
    expect(limited).toMatch(/^"publishable";r=\d+;t=\d+$/);

    redis.kill('SIGKILL');
    await new Promise((resolve) => redis.once('exit', resolve));
    const before = await storeErrors();
    const started = Date.now();
    const down = await api.get('/store/categories');
    expect(down.status).toBe(200);
    // Failing fast: no request waits on a dead Redis for longer than the command timeout (and a bit).
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(down.headers.get('ratelimit-policy')).toMatch(/^"publishable";q=\d+;w=60$/);
    expect(down.headers.get('ratelimit')).toBeNull();
    expect(await storeErrors()).toBeGreaterThan(before);

    redis = await startRedis(port);
    const back = await eventually(
      async () => (await api.get('/store/categories')).headers.get('ratelimit') !== null,
      10_000,
    );
    expect(back).toBe(true);
  });
});

describe.skipIf(redisServer)('rate limiting when Redis is down', () => {
  it.skip('runs where redis-server is installed (CI installs it with scripts/services)', () => {});
});
