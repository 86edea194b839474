import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import { type Logger, requestScope } from '../lib/logger.js';

const INCOMING_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Gives every request an id (a well-formed incoming `X-Request-Id`, or a new UUID), echoes it in
 * the response header, runs the rest of the chain inside its log scope, and writes one access-log line.
 */
export function requestContext(options: { logger: Logger }): Middleware {
  return async function requestContextMiddleware(ctx, next) {
    const incoming = ctx.get('x-request-id');
    const requestId = INCOMING_ID.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = requestId;
    ctx.set('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    await requestScope.run({ requestId }, async () => {
      try {
        await next();
      } finally {
        const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
        const level = ctx.status >= 500 ? 'error' : 'info';
        options.logger[level](
          {
            method: ctx.method,
            path: ctx.path,
            status: ctx.status,
            duration_ms: Math.round(durationMs * 100) / 100,
          },
          'request',
        );
      }
    });
  };
}
