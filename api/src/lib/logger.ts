import { AsyncLocalStorage } from 'node:async_hooks';
import { type LevelWithSilent, type Logger, pino } from 'pino';

/** What is known about the request a piece of code is running for. */
export interface RequestScope {
  requestId: string;
  /** The operationId, once the router matched one. */
  operation?: string;
}

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

/** Carries the current request's scope through every await, so any log line can name its request. */
export const requestScope = new AsyncLocalStorage<RequestScope>();

/**
 * Creates the JSON logger. Stable fields on every line: `time`, `level` (a name), `service`, `msg`;
 * while a request is in flight also `request_id` and, once routed, `operation` (its operationId) —
 * including lines from the database layer. Loki indexes `service` and `level` as labels.
 */
export function createLogger(
  level: LevelWithSilent,
  destination?: pino.DestinationStream,
  service = 'souk-api',
): Logger {
  return pino(
    {
      level,
      base: { service },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const scope = requestScope.getStore();
        if (!scope) return {};
        return scope.operation
          ? { request_id: scope.requestId, operation: scope.operation }
          : { request_id: scope.requestId };
      },
    },
    destination,
  );
}

export type { Logger };
