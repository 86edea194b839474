import { timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { Middleware } from 'koa';
import type { RequestHooks } from '../http/request-context.js';
import {
  answeredRequests,
  checkouts,
  collectRuntimeMetrics,
  httpDuration,
  metricsRegistry,
  requestsInFlight,
} from './metrics.js';

/** The operation that places orders: its outcomes are counted by problem code as well. */
const CHECKOUT_OPERATION = 'checkoutStoreCart';
const GROUPS = new Set(['store', 'seller', 'admin']);

/** The operation group of a path: store, seller, admin, or system (health, docs, anything else). */
export function operationGroup(path: string): string {
  const first = path.split('/', 2)[1] ?? '';
  return GROUPS.has(first) ? first : 'system';
}

/**
 * RED metrics per operationId, as hooks of the request context (its outermost layer, so they see
 * the final status). The contract router names the operation in `ctx.state.operationId`; requests
 * that matched none (404, 405) count as `unmatched`, so a scan of random URLs cannot create new
 * series. `/metrics` itself is not counted.
 */
export function httpMetrics(): RequestHooks {
  return {
    start(ctx) {
      if (ctx.path !== '/metrics') requestsInFlight.count++;
    },
    finish(ctx, ms) {
      if (ctx.path === '/metrics') return;
      requestsInFlight.count--;
      const operationId = ctx.state.operationId as string | undefined;
      const operation = operationId ?? 'unmatched';
      // An operation's paths share their group, so only an unmatched request needs its group in the key.
      const key = operationId
        ? `${operationId} ${ctx.method} ${ctx.status}`
        : `unmatched ${operationGroup(ctx.path)} ${ctx.method} ${ctx.status}`;
      const answered = seriesOf(key, operation, ctx.path, ctx.method, ctx.status);
      answered.count++;
      httpDuration.observe(answered.durationLabels, ms / 1000);
      if (operation === CHECKOUT_OPERATION)
        countCheckout(ctx.status, ctx.body, ctx.response.get('Idempotent-Replayed'));
    },
  };
}

/**
 * The series of `key`, made once in the process-wide map (tests run several apps, which add to the
 * same series, as prom-client's counter does): a request looks it up by one short key and allocates
 * no label object (recording through prom-client's labels was ~7% of a cached read's CPU).
 */
function seriesOf(key: string, operation: string, path: string, method: string, status: number) {
  let found = answeredRequests.get(key);
  if (!found) {
    const group = operationGroup(path);
    found = {
      labels: { operation, group, method, status: String(status) },
      durationLabels: { operation, group, method },
      count: 0,
    };
    answeredRequests.set(key, found);
  }
  return found;
}

function countCheckout(status: number, body: unknown, replayed: string): void {
  if (status < 300) {
    checkouts.inc({ outcome: replayed === 'true' ? 'replayed' : 'placed', code: '' });
    return;
  }
  // The error handler leaves the Problem object as the body; its `code` is from the spec's closed union.
  const code =
    typeof body === 'object' && body !== null && 'code' in body ? String(body.code) : `http_${status}`;
  checkouts.inc({ outcome: 'rejected', code });
}

export interface MetricsEndpointOptions {
  /** Serve `/metrics` on this (the API's) port at all. */
  enabled: boolean;
  /** When set, a scrape must send `Authorization: Bearer <token>`. */
  token?: string | undefined;
}

/** `GET /metrics` in the Prometheus text format, before the contract router (it is not part of the API). */
export function metricsEndpoint(options: MetricsEndpointOptions): Middleware {
  collectRuntimeMetrics();
  const expected = options.token ? Buffer.from(`Bearer ${options.token}`) : undefined;
  const serve = async (ctx: Parameters<Middleware>[0]) => {
    if (expected) {
      const given = Buffer.from(ctx.get('authorization'));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        ctx.status = 401;
        ctx.set('WWW-Authenticate', 'Bearer realm="metrics"');
        ctx.body = 'A bearer token is required.\n';
        return;
      }
    }
    ctx.type = metricsRegistry.contentType;
    ctx.body = await metricsRegistry.metrics();
  };
  // Not async: every other request passes straight on, without a promise of its own.
  return function metricsEndpointMiddleware(ctx, next) {
    if (ctx.path !== '/metrics' || !options.enabled || (ctx.method !== 'GET' && ctx.method !== 'HEAD'))
      return next();
    return serve(ctx);
  };
}

/**
 * A separate HTTP server that answers only `/metrics` (METRICS_PORT): in production the scrape port
 * is not reachable through the gateway, only from inside the cluster.
 */
export async function startMetricsServer(port: number, host: string): Promise<Server> {
  collectRuntimeMetrics();
  const server = createServer((req, res) => {
    if (req.url !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: only /metrics is served here.\n');
      return;
    }
    metricsRegistry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': metricsRegistry.contentType }).end(text),
      () => res.writeHead(500, { 'content-type': 'text/plain' }).end('collecting metrics failed\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
