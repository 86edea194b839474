import { AsyncLocalStorage } from 'node:async_hooks';
import { type LevelWithSilent, type Logger, pino } from 'pino';

/** What is known about the request a piece of code is running for. */
export interface RequestScope {
  requestId: string;
}

/** Carries the current request's scope through every await, so any log line can name its request. */
export const requestScope = new AsyncLocalStorage<RequestScope>();

/**
 * Creates the JSON logger. Every line written while a request is in flight
 * carries its `request_id`, including lines from the database layer.
 */
export function createLogger(level: LevelWithSilent, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'souk-api' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const scope = requestScope.getStore();
        return scope ? { request_id: scope.requestId } : {};
      },
    },
    destination,
  );
}

export type { Logger };
