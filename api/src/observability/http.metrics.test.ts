import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { afterEach, describe, expect, it } from 'vitest';
import { PREPARED_MARK } from '../db/prepared.js';
import { requestContext } from '../http/request-context.js';
import { createLogger } from '../lib/logger.js';
import { statementKind } from './database.metrics.js';
import { httpMetrics, metricsEndpoint, operationGroup, startMetricsServer } from './http.metrics.js';
import { metricsRegistry } from './metrics.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function serve(options: Parameters<typeof metricsEndpoint>[0]): Promise<string> {
  const app = new Koa();
  app.use(metricsEndpoint(options));
  app.use((ctx) => {
    ctx.status = 404;
  });
  const server = createServer(app.callback());
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
}

describe('metrics exposure', () => {
  it('asks for the bearer token when one is configured, and answers with it', async () => {
    const url = await serve({ enabled: true, token: 'a-very-long-metrics-token' });
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: 'Bearer wrong-token-of-same-size' } })).status).toBe(
      401,
    );
    const ok = await fetch(url, { headers: { authorization: 'Bearer a-very-long-metrics-token' } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('# TYPE souk_http_requests_total counter');
  });

  it('is not served at all when disabled (production without a token, or a separate port)', async () => {
    const url = await serve({ enabled: false });
    expect((await fetch(url)).status).toBe(404);
  });

  it('serves only /metrics on the separate metrics port', async () => {
    const server = await startMetricsServer(0, '127.0.0.1');
    servers.push(server);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect((await fetch(`${base}/metrics`)).status).toBe(200);
    expect((await fetch(`${base}/store/products`)).status).toBe(404);
  });
});

describe('bounded labels', () => {
  it('groups operations by the first path segment, everything else as system', () => {
    expect(operationGroup('/store/carts/c1/checkout')).toBe('store');
    expect(operationGroup('/seller/orders')).toBe('seller');
    expect(operationGroup('/admin/sellers')).toBe('admin');
    expect(operationGroup('/health')).toBe('system');
    expect(operationGroup('/wp-login.php')).toBe('system');
  });

  it('names a query by its statement kind, looking through WITH', () => {
    expect(statementKind('select 1')).toBe('select');
    expect(statementKind('  INSERT INTO x VALUES (1)')).toBe('insert');
    expect(statementKind('with moved as (delete from a returning *) insert into b select * from moved')).toBe(
      'delete',
    );
    expect(statementKind('BEGIN')).toBe('other');
    // Prepared statements carry a leading comment; their kind is the statement's, not the comment's.
    expect(statementKind(`${PREPARED_MARK}select * from products`)).toBe('select');
    expect(statementKind(`${PREPARED_MARK}with o as (insert into orders default values) select 1`)).toBe(
      'insert',
    );
    expect(statementKind('-- note\n  /* a */ update carts set x = 1')).toBe('update');
    expect(statementKind('/* only a comment */')).toBe('other');
  });
});

describe('RED counts', () => {
  it('adds up the requests of every app in the process in one series, read at each scrape', async () => {
    const app = () => {
      const koa = new Koa();
      koa.use(requestContext({ logger: createLogger('silent'), hooks: [httpMetrics()] }));
      koa.use((ctx) => {
        ctx.state.operationId = 'redCountsTestOperation';
        ctx.body = 'ok';
      });
      const server = createServer(koa.callback()).listen(0, '127.0.0.1');
      servers.push(server);
      return new Promise<string>((r) =>
        server.once('listening', () => r(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
      );
    };
    const line =
      'souk_http_requests_total{operation="redCountsTestOperation",group="store",method="GET",status="200"}';
    const count = async () =>
      Number(
        (await metricsRegistry.metrics())
          .split('\n')
          .find((l) => l.startsWith(`${line} `))
          ?.slice(line.length + 1) ?? 0,
      );
    const [first, second] = await Promise.all([app(), app()]);
    await fetch(`${first}/store/x`);
    await fetch(`${second}/store/x`);
    expect(await count()).toBe(2);
    await fetch(`${second}/store/x`);
    expect(await count()).toBe(3);
    expect(await metricsRegistry.metrics()).toContain('souk_http_requests_in_flight 0');
  });
});
