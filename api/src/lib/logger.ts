import { AsyncLocalStorage } from 'node:async_hooks';
import { type LevelWithSilent, type Logger, pino } from 'pino';
import pretty from 'pino-pretty';

/** What is known about the request a piece of code is running for. */
export interface RequestScope {
  requestId: string;
}

/** Carries the current request's scope through every await, so any log line can name its request. */
export const requestScope = new AsyncLocalStorage<RequestScope>();

export interface LoggerOptions {
  /** `json` (default): one JSON object a line, for log collectors. `pretty`: one readable line, for people. */
  format?: 'json' | 'pretty';
  /** Where lines go (default: standard output). */
  destination?: pino.DestinationStream;
}

/**
 * Creates the logger. Every line written while a request is in flight carries its `request_id`,
 * including lines from the database layer.
 */
export function createLogger(level: LevelWithSilent, options: LoggerOptions = {}): Logger {
  const { format = 'json', destination } = options;
  const stream =
    format === 'pretty'
      ? pretty({
          // Synchronous, so log lines and the start-up banner written to stdout keep their order.
          sync: true,
          destination: destination ?? 1,
          translateTime: 'SYS:HH:MM:ss.l',
          ignore: 'pid,hostname,service',
          singleLine: true,
        })
      : destination;
  return pino(
    {
      level,
      base: { service: 'souk-api' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // JSON keeps the level's name ("level":"info") for log queries; pino-pretty wants pino's number.
      ...(format === 'json' ? { formatters: { level: (label: string) => ({ level: label }) } } : {}),
      mixin: () => {
        const scope = requestScope.getStore();
        return scope ? { request_id: scope.requestId } : {};
      },
    },
    stream,
  );
}

export type { Logger };
