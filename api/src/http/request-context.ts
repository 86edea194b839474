import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import type { Logger } from '../lib/logger.js';
import { type RequestScope, requestScope } from '../lib/scope.js';

const INCOMING_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Gives every request an id (a well-formed incoming `X-Request-Id`, or a new UUID), echoes it in
 * the response header, runs the rest of the chain inside its log scope, and writes one access-log line.
 */
export function requestContext(options: { logger: Logger }): Middleware {
  return function requestContextMiddleware(ctx, next) {
    const incoming = ctx.get('x-request-id');
    const requestId = INCOMING_ID.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = requestId;
    ctx.set('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    const log = () => {
      const level = ctx.status >= 500 ? 'error' : 'info';
      // Below the configured level pino writes nothing: skip building the line too.
      if (!options.logger.isLevelEnabled(level)) return;
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      options.logger[level](
        {
          method: ctx.method,
          path: ctx.path,
          status: ctx.status,
          duration_ms: Math.round(durationMs * 100) / 100,
        },
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
