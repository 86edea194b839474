import { createRequire } from 'node:module';
import { type LevelWithSilent, type Logger, pino } from 'pino';
import type prettyType from 'pino-pretty';
import { requestScope } from './scope.js';

/**
 * pino-pretty (CommonJS) is required only for the `pretty` format: production writes JSON and
 * should not load a formatter and its colour, date and stream dependencies at start-up.
 */
const requirePretty = () => createRequire(import.meta.url)('pino-pretty') as typeof prettyType;

/**
 * Fields never written to the logs (values become "[redacted]"): credentials and personal data.
 * Wildcards reach one level down, e.g. `{ order: { email } }`. The log-secrets check
 * (scripts/check-log-secrets.mjs) greps the logs of a test run for anything that slips past.
 */
export const REDACTED_PATHS = [
  'authorization',
  'cookie',
  'password',
  'secret',
  'secrets',
  'token',
  'access_token',
  'api_key',
  'apiKey',
  'key',
  'email',
  'phone',
  'phone_number',
  'address',
  'shipping_address',
  'billing_address',
  'headers.authorization',
  'headers.cookie',
  'headers["x-api-key"]',
  'headers["x-order-token"]',
  '*.authorization',
  '*.password',
  '*.secret',
  '*.secrets',
  '*.token',
  '*.access_token',
  '*.api_key',
  '*.apiKey',
  '*.email',
  '*.phone',
  '*.address',
  '*.shipping_address',
  '*.billing_address',
  '*.headers.authorization',
  '*.headers["x-api-key"]',
];

export interface LoggerOptions {
  /** `json` (default): one JSON object a line, for log collectors. `pretty`: one readable line, for people. */
  format?: 'json' | 'pretty';
  /** Where lines go (default: standard output). */
  destination?: pino.DestinationStream;
  /** The `service` field of every line, a Loki label (default `souk-api`). */
  service?: string;
}

/**
 * Creates the logger. Stable fields on every line: `time`, `level` (a name, in JSON), `service`, `msg`;
 * while a request is in flight also `request_id` and, once routed, `operation` (its operationId) —
 * including lines from the database layer. Loki indexes `service` and `level` as labels.
 */
export function createLogger(level: LevelWithSilent, options: LoggerOptions = {}): Logger {
  const { format = 'json', destination, service = 'souk-api' } = options;
  const stream =
    format === 'pretty'
      ? requirePretty()({
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
      base: { service },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // JSON keeps the level's name ("level":"info") for log queries; pino-pretty wants pino's number.
      ...(format === 'json' ? { formatters: { level: (label: string) => ({ level: label }) } } : {}),
      mixin: () => {
        const scope = requestScope.getStore();
        if (!scope?.requestId) return {};
        return scope.operation
          ? { request_id: scope.requestId, operation: scope.operation }
          : { request_id: scope.requestId };
      },
    },
    stream,
  );
}

export type { Logger };
