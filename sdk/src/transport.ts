import { SoukConnectionError } from './errors.js';

/** A `fetch`-compatible function; the SDK always calls it with a `Request`. */
export type FetchLike = (input: Request) => Promise<Response>;

/** How one request is sent: timeout per attempt and the retry policy. */
export interface TransportOptions {
  /** The fetch to send with; default `globalThis.fetch` (looked up at call time). */
  fetch?: FetchLike | undefined;
  /** Abort an attempt (request, headers and body) after this many milliseconds (default 30 000). */
  timeoutMs: number;
  /** Retries after the first attempt (default 2). */
  maxRetries: number;
  /** First backoff delay; doubles per retry, with full jitter (default 500 ms). */
  retryBaseDelayMs: number;
  /** Upper bound of a backoff delay and of an honoured `Retry-After` (default 20 000 ms). */
  maxRetryDelayMs: number;
}

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const RETRY_STATUSES = new Set([429, 503]);
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * Whether a request may be sent again: idempotent methods, or any method that carries an
 * `Idempotency-Key` (the API replays the first response for it instead of acting twice).
 */
export function isRetryable(request: Request): boolean {
  return IDEMPOTENT_METHODS.has(request.method.toUpperCase()) || request.headers.has('idempotency-key');
}

/**
 * The delay a `Retry-After` header asks for, in ms (delta-seconds or an HTTP date), or `undefined`.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with full jitter: a random delay in [0, min(max, base·2^attempt)]. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number): number {
  return Math.random() * Math.min(maxMs, baseMs * 2 ** attempt);
}

/**
 * Wraps `fetch` with a per-attempt timeout and retries on network errors, timeouts, 429, 503 and
 * 409 `idempotency_in_progress`,
 * for retryable requests only (see `isRetryable`). Honours `Retry-After` up to `maxRetryDelayMs`;
 * a longer wait is not retried and the 429/503 is returned to the caller.
 */
export function createTransport(options: TransportOptions): FetchLike {
  return async (request) => {
    const retryable = isRetryable(request);
    const userSignal = request.signal;
    for (let attempt = 0; ; attempt++) {
      const canRetry = retryable && attempt < options.maxRetries;
      const { response, error, timedOut } = await attemptOnce(request, options);
      if (response) {
        if (!canRetry || !(RETRY_STATUSES.has(response.status) || (await isInProgress(response))))
          return response;
        const asked = parseRetryAfter(response.headers.get('retry-after'));
        if (asked !== undefined && asked > options.maxRetryDelayMs) return response;
        await response.body?.cancel().catch(() => {});
        await sleep(
          asked ?? backoffDelay(attempt, options.retryBaseDelayMs, options.maxRetryDelayMs),
          userSignal,
        );
        continue;
      }
      if (userSignal.aborted) throw userSignal.reason ?? error;
      if (!canRetry) {
        const what = timedOut ? `timed out after ${options.timeoutMs} ms` : 'failed';
        throw new SoukConnectionError(
          `${request.method} ${request.url} ${what}${attempt > 0 ? ` (after ${attempt + 1} attempts)` : ''}`,
          { cause: error, timedOut },
        );
      }
      await sleep(backoffDelay(attempt, options.retryBaseDelayMs, options.maxRetryDelayMs), userSignal);
    }
  };
}

/**
 * A 409 `idempotency_in_progress`: the first request with this Idempotency-Key is still running, so a
 * later retry gets its result.
 */
async function isInProgress(response: Response): Promise<boolean> {
  if (response.status !== 409 || !response.headers.get('content-type')?.includes('json')) return false;
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => undefined);
  return (
    typeof body === 'object' &&
    body !== null &&
    (body as { code?: unknown }).code === 'idempotency_in_progress'
  );
}

type Attempt =
  | { response: Response; error?: undefined; timedOut?: undefined }
  | { response?: undefined; error: unknown; timedOut: boolean };

async function attemptOnce(request: Request, options: TransportOptions): Promise<Attempt> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new SoukConnectionError(`timed out after ${options.timeoutMs} ms`, { timedOut: true }));
  }, options.timeoutMs);
  const onUserAbort = () => controller.abort(request.signal.reason);
  if (request.signal.aborted) onUserAbort();
  else request.signal.addEventListener('abort', onUserAbort, { once: true });
  try {
    const fetchImpl = options.fetch ?? ((input: Request) => globalThis.fetch(input));
    // Each attempt sends a clone, so the original body stays readable for the next one.
    const response = await fetchImpl(new Request(request.clone(), { signal: controller.signal }));
    // The body is read inside the timeout too, so a stalled body cannot hang the call.
    const body = NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer();
    const { status, statusText, headers } = response;
    return { response: new Response(body, { status, statusText, headers }) };
  } catch (error) {
    return { error, timedOut };
  } finally {
    clearTimeout(timer);
    request.signal.removeEventListener('abort', onUserAbort);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
