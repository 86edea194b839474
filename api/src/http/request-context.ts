import { randomUUID } from 'node:crypto';
import type { Context, Middleware } from 'koa';
import type { Logger } from '../lib/logger.js';
import { type RequestScope, requestScope } from '../lib/scope.js';

const INCOMING_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Work done around every request inside `requestContext`'s own layer rather than as middleware of
 * its own: a layer costs a cached read a promise, a microtask and a frame (measured: the metrics, CORS
 * and draining layers were a fifth of a cached hit's CPU).
 */
export interface RequestHooks {
  /** As the request arrives, before the rest of the chain. */
  start?(ctx: Context): void;
  /** Once the rest of the chain settled, either way, before the access-log line; `ms` since arrival. */
  finish?(ctx: Context, ms: number): void;
}

/**
 * Gives every request an id (a well-formed incoming `X-Request-Id`, or a new UUID), echoes it in
 * the response header, runs the rest of the chain inside its log scope, runs `hooks` around it, and
 * writes one access-log line.
 */
export function requestContext(options: { logger: Logger; hooks?: RequestHooks[] }): Middleware {
  const starts = (options.hooks ?? []).flatMap((h) => (h.start ? [h.start.bind(h)] : []));
  const finishes = (options.hooks ?? []).flatMap((h) => (h.finish ? [h.finish.bind(h)] : []));
  return function requestContextMiddleware(ctx, next) {
    const incoming = ctx.get('x-request-id');
    const requestId = INCOMING_ID.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = requestId;
    ctx.set('X-Request-Id', requestId);
    const started = performance.now();
    for (const start of starts) start(ctx);
    const log = () => {
      const ms = performance.now() - started;
      for (const finish of finishes) finish(ctx, ms);
      const level = ctx.status >= 500 ? 'error' : 'info';
      // Below the configured level pino writes nothing: skip building the line too.
      if (!options.logger.isLevelEnabled(level)) return;
      options.logger[level](
        { method: ctx.method, path: ctx.path, status: ctx.status, duration_ms: Math.round(ms * 100) / 100 },
        'request',
      );
    };
    // The line is written inside the scope (it names the request and its operation), once the rest of
    // the chain settled either way; chained promises, not an async wrapper, so a request costs fewer.
    // Kept on the context too: the router names the operation in it without an AsyncLocalStorage lookup.
    const scope: RequestScope = { requestId };
    ctx.state.scope = scope;
    return requestScope.run(scope, () =>
      next().then(log, (err: unknown) => {
        log();
        throw err;
      }),
    );
  };
}
