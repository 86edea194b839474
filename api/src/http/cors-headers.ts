/**
 * The CORS header lists of the API, shared by its own CORS middleware and the Kong configuration
 * generated from the spec, so a browser's preflight gets the same answer at the gateway and behind it.
 */
export const CORS_ALLOW_HEADERS = [
  'Content-Type',
  'X-Api-Key',
  'Authorization',
  'Idempotency-Key',
  'X-Request-Id',
];

/** Response headers a browser script may read. */
export const CORS_EXPOSE_HEADERS = [
  'X-Request-Id',
  'Allow',
  'Idempotent-Replayed',
  'RateLimit',
  'RateLimit-Policy',
  'Retry-After',
];
