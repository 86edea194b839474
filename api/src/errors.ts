import type { components } from './generated/openapi.js';

/** The closed set of error codes; generated from `ProblemCode` in the spec. */
export type ErrorCode = components['schemas']['ProblemCode'];
/** One offending input field, as the spec's `FieldError`. */
export type FieldError = components['schemas']['FieldError'];
/** An RFC 9457 problem body, as the spec's `Problem`. */
export type Problem = components['schemas']['Problem'];

/**
 * HTTP status and title of each code: the one place that maps kinds of failure to HTTP.
 * `replayed`: the code is an outcome of a request that ran (a decline, no stock), so an idempotent
 * request stores it and answers a retry with the same error, like a success.
 */
export const ERROR_CATALOG: Record<ErrorCode, { status: number; title: string; replayed?: true }> = {
  validation_failed: { status: 400, title: 'Validation failed' },
  malformed_json: { status: 400, title: 'Malformed JSON' },
  invalid_cursor: { status: 400, title: 'Invalid cursor' },
  currency_required: { status: 400, title: 'Currency required' },
  query_required: { status: 400, title: 'Search query required' },
  route_not_found: { status: 404, title: 'Route not found' },
  not_found: { status: 404, title: 'Not found' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  payload_too_large: { status: 413, title: 'Payload too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  unauthorized: { status: 401, title: 'Unauthorized' },
  token_expired: { status: 401, title: 'Token expired' },
  token_invalid: { status: 401, title: 'Token invalid' },
  token_wrong_audience: { status: 401, title: 'Token for another project' },
  token_revoked: { status: 401, title: 'Token revoked' },
  user_disabled: { status: 401, title: 'User disabled' },
  forbidden: { status: 403, title: 'Forbidden' },
  email_not_verified: { status: 403, title: 'Email not verified' },
  conflict: { status: 409, title: 'Conflict' },
  not_purchased: { status: 403, title: 'Not purchased' },
  own_product: { status: 403, title: 'Own product' },
  already_reviewed: { status: 409, title: 'Already reviewed' },
  already_replied: { status: 409, title: 'Already replied' },
  invalid_state: { status: 409, title: 'Invalid state' },
  idempotency_key_required: { status: 400, title: 'Idempotency-Key required' },
  idempotency_key_reused: { status: 422, title: 'Idempotency-Key reused' },
  idempotency_in_progress: { status: 409, title: 'Request in progress' },
  out_of_stock: { status: 409, title: 'Out of stock', replayed: true },
  variant_unavailable: { status: 422, title: 'Variant unavailable', replayed: true },
  currency_mismatch: { status: 422, title: 'Currency mismatch', replayed: true },
  quantity_limit_exceeded: { status: 422, title: 'Quantity limit exceeded' },
  cart_empty: { status: 422, title: 'Cart empty', replayed: true },
  cart_incomplete: { status: 422, title: 'Cart incomplete', replayed: true },
  cart_completed: { status: 409, title: 'Cart completed', replayed: true },
  // Not replayed: nothing was written and the hold was released, so a retry with the same key prices again.
  cart_changed: { status: 409, title: 'Cart changed' },
  destination_unsupported: { status: 422, title: 'Destination unsupported', replayed: true },
  payment_declined: { status: 402, title: 'Payment declined', replayed: true },
  payment_insufficient_funds: { status: 402, title: 'Insufficient funds', replayed: true },
  payment_requires_review: { status: 402, title: 'Payment requires review', replayed: true },
  webhook_url_not_allowed: { status: 422, title: 'Webhook URL not allowed' },
  malformed_request: { status: 400, title: 'Malformed request' },
  request_timeout: { status: 408, title: 'Request timeout' },
  request_header_fields_too_large: { status: 431, title: 'Request header fields too large' },
  unsupported_image_type: { status: 415, title: 'Unsupported image type' },
  malformed_image: { status: 422, title: 'Malformed image' },
  image_too_many_pixels: { status: 422, title: 'Image has too many pixels' },
  too_many_images: { status: 409, title: 'Too many images' },
  preview_url_invalid: { status: 403, title: 'Preview URL invalid' },
  rate_limited: { status: 429, title: 'Rate limited' },
  internal_error: { status: 500, title: 'Internal error' },
  service_unavailable: { status: 503, title: 'Service unavailable' },
  graphql_invalid: { status: 400, title: 'Invalid GraphQL document' },
  query_too_complex: { status: 400, title: 'Query too complex' },
  persisted_query_not_found: { status: 400, title: 'Persisted query not found' },
  persisted_query_required: { status: 400, title: 'Persisted query required' },
};

/** Base URI of problem types; `type` is this plus the code. */
export const PROBLEM_TYPE_BASE = 'https://docs.souk.dev/problems/';

/**
 * The one error type of the API. Services throw it with a code from the closed union;
 * the error middleware turns it into a problem response.
 */
export class AppError extends Error {
  override name = 'AppError';
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly extra: { errors?: FieldError[]; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(detail, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.status = ERROR_CATALOG[code].status;
  }
}

/** Builds the problem body for an error code. */
export function toProblem(
  code: ErrorCode,
  detail: string,
  requestId: string,
  instance?: string,
  errors?: FieldError[],
): Problem {
  const { status, title } = ERROR_CATALOG[code];
  const problem: Problem = {
    type: PROBLEM_TYPE_BASE + code,
    title,
    status,
    detail,
    code,
    request_id: requestId,
  };
  if (instance !== undefined) problem.instance = instance;
  if (errors !== undefined) problem.errors = errors;
  return problem;
}
