import { EventEmitter } from 'node:events';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { Agent, type Dispatcher, request } from 'undici';

export interface PostResult {
  statusCode: number | null;
  latencyMs: number;
  /** First 1 KiB of the response body. */
  excerpt: string | null;
  error: string | null;
}

export interface PostOptions {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  /** Refuses an IP-literal host (no lookup happens for those). */
  refuseAddress: (ip: string) => string | null;
  /**
   * The connection pool (`webhookDispatcher`): connections are kept alive across deliveries, and its
   * `lookup` checks the address of every new one.
   */
  dispatcher: Dispatcher;
}

const EXCERPT_BYTES = 1024;

/**
 * The pool webhook POSTs go through: keep-alive connections per origin, one request at a time on
 * each (no pipelining: a slow answer must not hold the next delivery), and `lookup` — which resolves
 * and refuses forbidden addresses — run at connect time for every new connection.
 */
export function webhookDispatcher(lookup: LookupFunction): Agent {
  return new Agent({ connect: { lookup }, keepAliveTimeout: 10_000, pipelining: 1 });
}

/**
 * POSTs one webhook. Never follows redirects (a 3xx is a failed attempt: following could lead to a
 * private address), times out as a whole after `timeoutMs`, and reads at most 1 KiB of the answer.
 * Never throws: whatever goes wrong is a failed attempt.
 */
export async function postWebhook(options: PostOptions): Promise<PostResult> {
  const started = performance.now();
  const failed = (error: string): PostResult => ({
    statusCode: null,
    latencyMs: Math.round(performance.now() - started),
    excerpt: null,
    error,
  });
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    return failed('invalid URL');
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const refused = isIP(host) ? options.refuseAddress(host) : null;
  if (refused) return failed(refused);
  // An emitter as the abort signal: undici takes either, and an AbortController per delivery (its
  // EventTarget and its listeners) took ~3 % of the pipeline process's busy time in a backlog drain.
  const abort = new EventEmitter();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    abort.emit('abort');
  }, options.timeoutMs);
  try {
    // undici's `request` follows no redirects (no redirect interceptor on this dispatcher).
    const res = await request(url, {
      method: 'POST',
      body: options.body,
      headers: options.headers,
      dispatcher: options.dispatcher,
      signal: abort,
    });
    const excerpt = await readExcerpt(res.body);
    const status = res.statusCode;
    const ok = status >= 200 && status < 300;
    const error = ok
      ? null
      : status >= 300 && status < 400
        ? `redirect to ${res.headers.location ?? '?'} not followed`
        : `HTTP ${status}`;
    return {
      statusCode: status,
      latencyMs: Math.round(performance.now() - started),
      excerpt: excerpt || null,
      error,
    };
  } catch (err) {
    // A failed connect is the lookup's (or the socket's) own error.
    return failed(timedOut ? `timed out after ${options.timeoutMs} ms` : (err as Error).message);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The first 1 KiB of an answer's body; the rest is not read (the connection is dropped rather than
 * drained). Listeners rather than an async iterator: cheaper per delivery.
 */
function readExcerpt(body: Dispatcher.ResponseData['body']): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => resolve(Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8'));
    body.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= EXCERPT_BYTES) {
        body.destroy();
        done();
      }
    });
    body.on('end', done);
    body.on('error', reject);
  });
}
