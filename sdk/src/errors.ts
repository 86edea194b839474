import type { FieldError, Problem, ProblemCode } from './types.js';

/**
 * The API answered with an error (4xx/5xx). Match on `code` — a member of the spec's `ProblemCode`
 * union — never on `message`/`detail`, which are for humans.
 *
 * @example
 * try { await souk.store.carts.checkout(cartId, { payment_method: 'pm_card_visa' }); }
 * catch (err) { if (err instanceof SoukError && err.code === 'out_of_stock') showSoldOut(); else throw err; }
 */
export class SoukError extends Error {
  override name = 'SoukError';
  /** HTTP status of the response. */
  readonly status: number;
  /**
   * Machine-readable code from the problem body. A response that is not `application/problem+json`
   * (a proxy's 502 page, a gateway's 429) gets a code derived from its status (see `codeForStatus`).
   */
  readonly code: ProblemCode;
  /** Human-readable explanation of this occurrence. */
  readonly detail: string | undefined;
  /** For `validation_failed`: every offending field (empty otherwise). */
  readonly errors: FieldError[];
  /** The `X-Request-Id` of the failed request; quote it when reporting a problem. */
  readonly requestId: string | undefined;
  /** The problem body as received, or `undefined` if the response was not a problem document. */
  readonly problem: Problem | undefined;
  /** Response headers (e.g. `Retry-After`, `Allow`). */
  readonly headers: Headers;

  constructor(init: { status: number; headers: Headers; problem?: Problem | undefined; body?: unknown }) {
    const problem = init.problem;
    const code = problem?.code ?? codeForStatus(init.status);
    const detail = problem?.detail ?? (problem ? undefined : describeBody(init.status, init.body));
    super(`${code} (${init.status})${detail ? `: ${detail}` : ''}`);
    this.status = init.status;
    this.code = code;
    this.detail = detail;
    this.errors = problem?.errors ?? [];
    this.requestId = problem?.request_id ?? init.headers.get('x-request-id') ?? undefined;
    this.problem = problem;
    this.headers = init.headers;
  }

  /** Builds the error of a non-2xx response from its (already parsed) body. */
  static fromResponse(response: Response, body: unknown): SoukError {
    return new SoukError({
      status: response.status,
      headers: response.headers,
      problem: isProblem(body) ? body : undefined,
      body,
    });
  }
}

/**
 * The request never got an HTTP answer: a network failure, or `timeoutMs` elapsed (`timedOut`).
 * Thrown after the retries the request was allowed. A caller's own `AbortSignal` is not wrapped:
 * aborting rejects with the signal's reason.
 */
export class SoukConnectionError extends Error {
  override name = 'SoukConnectionError';
  /** `true` when the request was aborted because it exceeded `timeoutMs`. */
  readonly timedOut: boolean;

  constructor(message: string, options: { cause?: unknown; timedOut?: boolean } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.timedOut = options.timedOut ?? false;
  }
}

/** Type guard for `SoukError`, optionally for one code: `isSoukError(err, 'not_found')`. */
export function isSoukError<C extends ProblemCode>(err: unknown, code?: C): err is SoukError & { code: C } {
  return err instanceof SoukError && (code === undefined || err.code === code);
}

/** The code given to an error response that carries no problem body. */
export function codeForStatus(status: number): ProblemCode {
  switch (status) {
    case 400:
      return 'validation_failed';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'route_not_found';
    case 405:
      return 'method_not_allowed';
    case 409:
      return 'conflict';
    case 413:
      return 'payload_too_large';
    case 415:
      return 'unsupported_media_type';
    case 429:
    case 502:
    case 503:
    case 504:
      return 'service_unavailable';
    default:
      return 'internal_error';
  }
}

function isProblem(body: unknown): body is Problem {
  if (typeof body !== 'object' || body === null) return false;
  const b = body as Record<string, unknown>;
  return typeof b.code === 'string' && typeof b.status === 'number';
}

function describeBody(status: number, body: unknown): string {
  const text = typeof body === 'string' ? body.slice(0, 200) : '';
  return `HTTP ${status} without a problem body${text ? `: ${text}` : ''}`;
}
