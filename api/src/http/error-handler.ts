import type { Middleware } from 'koa';
import { databaseUnavailable } from '../db/unreachable.js';
import { AppError, toProblem } from '../errors.js';
import type { Logger } from '../lib/logger.js';

/**
 * Maps every thrown error to an `application/problem+json` response. `AppError`s carry their code;
 * anything else is a fault of ours: logged with its stack and answered as a 500 without internals.
 */
export function errorHandler(options: { logger: Logger }): Middleware {
  return async function errorHandlerMiddleware(ctx, next) {
    try {
      await next();
    } catch (err) {
      const requestId = String(ctx.state.requestId ?? '');
      const appError = err instanceof AppError ? err : fromKnownError(err);
      if (!appError) options.logger.error({ err }, 'unhandled error');
      else if (appError.code === 'service_unavailable' && appError.cause === err)
        options.logger.warn({ err }, 'dependency unavailable');
      const problem = appError
        ? toProblem(appError.code, appError.detail, requestId, ctx.path, appError.extra.errors)
        : toProblem(
            'internal_error',
            'An unexpected error occurred. Quote the request_id when reporting it.',
            requestId,
            ctx.path,
          );
      ctx.status = problem.status;
      for (const [name, value] of Object.entries(appError?.extra.headers ?? {})) ctx.set(name, value);
      ctx.type = 'application/problem+json';
      ctx.body = problem;
    }
  };
}

/**
 * Errors that are not faults of ours: thrown by Koa or Node for client input (a malformed URL: 4xx),
 * or a dependency that cannot be reached or answer in time, PostgreSQL above all (503, retry).
 */
function fromKnownError(err: unknown): AppError | undefined {
  if (err instanceof URIError)
    return new AppError('validation_failed', 'The URL is not validly percent-encoded.');
  return databaseUnavailable(err);
}
