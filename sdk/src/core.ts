import createClient, { type Client } from 'openapi-fetch';
import { SoukError } from './errors.js';
import { createTransport, type FetchLike, type TransportOptions } from './transport.js';
import type { paths } from './types.js';

/** Options of `createSoukClient`. */
export interface SoukClientOptions {
  /** Origin of the API, e.g. `https://api.example.com` or `http://localhost:4000`. */
  baseUrl: string;
  /** Sent as `X-Api-Key`: `pk_…` for `store`, a seller's `sk_…` for `seller`, the operator key for `admin`. */
  apiKey?: string;
  /** A custom fetch (default `globalThis.fetch`), e.g. to add tracing or for an edge runtime. */
  fetch?: FetchLike;
  /** Per-attempt timeout in ms (default 30 000). */
  timeoutMs?: number;
  /** Retries of retryable requests after the first attempt (default 2; 0 disables retries). */
  maxRetries?: number;
  /** First retry backoff in ms, doubled per retry, with full jitter (default 500). */
  retryBaseDelayMs?: number;
  /** Cap of one backoff delay and of an honoured `Retry-After`, in ms (default 20 000). */
  maxRetryDelayMs?: number;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
}

/** Per-call options, the last argument of every SDK method. */
export interface RequestOptions {
  /** Cancels the request (and pending retries); the call rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number;
  /** Overrides the client's `maxRetries` for this call. */
  maxRetries?: number;
  /**
   * `Idempotency-Key` of a write that accepts one. When omitted the SDK generates a UUID, so the write
   * is safe to retry (a retry replays the first response instead of acting twice).
   */
  idempotencyKey?: string;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
}

/** The shared machinery behind every namespace. Exposed for advanced use as `client.core`. */
export interface SoukCore {
  /** The typed openapi-fetch client: an escape hatch for any path of the spec. */
  readonly api: Client<paths>;
  /** openapi-fetch call options (fetch with timeout/retries, signal, headers) for one call. */
  init(options?: RequestOptions): {
    fetch: FetchLike;
    signal?: AbortSignal;
    headers?: Record<string, string>;
  };
  /** The `Idempotency-Key` header params for a write: the caller's key or a fresh UUID. */
  idempotency(options?: RequestOptions): { 'Idempotency-Key': string };
}

/** Builds the transport and the typed openapi-fetch client for a set of options. */
export function createSoukCore(options: SoukClientOptions): SoukCore {
  if (!options.baseUrl) throw new TypeError('createSoukClient: baseUrl is required');
  const base: TransportOptions = {
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? 30_000,
    maxRetries: options.maxRetries ?? 2,
    retryBaseDelayMs: options.retryBaseDelayMs ?? 500,
    maxRetryDelayMs: options.maxRetryDelayMs ?? 20_000,
  };
  const defaultTransport = createTransport(base);
  const api = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    fetch: defaultTransport,
    headers: { ...options.headers, ...(options.apiKey ? { 'X-Api-Key': options.apiKey } : {}) },
  });
  return {
    api,
    init(opts = {}) {
      const custom = opts.timeoutMs !== undefined || opts.maxRetries !== undefined;
      const fetch = custom
        ? createTransport({
            ...base,
            timeoutMs: opts.timeoutMs ?? base.timeoutMs,
            maxRetries: opts.maxRetries ?? base.maxRetries,
          })
        : defaultTransport;
      return {
        fetch,
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(opts.headers ? { headers: opts.headers } : {}),
      };
    },
    idempotency(opts = {}) {
      return { 'Idempotency-Key': opts.idempotencyKey ?? globalThis.crypto.randomUUID() };
    },
  };
}

/** The shape openapi-fetch resolves to. */
interface FetchResult<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

/** A successful call with its HTTP response, from `withResponse()`. */
export interface WithResponse<T> {
  data: T;
  /** The raw response (headers, status); its body has been read. */
  response: Response;
  /** `X-Request-Id` of the call; quote it when reporting a problem. */
  requestId: string | undefined;
  /** `true` when the API replayed the stored response of an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

/**
 * What every SDK method returns: a promise of the response body, plus `withResponse()` for the
 * HTTP response metadata (`requestId`, `replayed`, headers) of the same call.
 */
export type SoukPromise<T> = Promise<T> & { withResponse(): Promise<WithResponse<T>> };

/** Resolves to the data of a successful call, or rejects with `SoukError` carrying the problem of a failed one. */
export function unwrap<D>(call: Promise<FetchResult<D>>): SoukPromise<D> {
  const full = call.then(({ data, error, response }): WithResponse<D> => {
    if (!response.ok) throw SoukError.fromResponse(response, error);
    return {
      data: data as D,
      response,
      requestId: response.headers.get('x-request-id') ?? undefined,
      replayed: response.headers.get('idempotent-replayed') === 'true',
    };
  });
  const promise = full.then((r) => r.data);
  return Object.assign(promise, {
    withResponse: () => {
      promise.catch(() => {}); // the caller handles the failure through this promise instead
      return full;
    },
  });
}
