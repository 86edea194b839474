import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';

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
  /** Resolves the host and refuses forbidden addresses (checked again here, at connect time). */
  lookup: LookupFunction;
  /** Refuses an IP-literal host (Node does not call `lookup` for those). */
  refuseAddress: (ip: string) => string | null;
  /**
   * Keep-alive agents to reuse connections across deliveries (`lookup` still checks every new
   * connection); without them each delivery opens and closes its own.
   */
  agents?: { http: http.Agent; https: https.Agent };
}

const EXCERPT_BYTES = 1024;

/**
 * POSTs one webhook. Never follows redirects (a 3xx is a failed attempt: following could lead to a
 * private address), times out as a whole after `timeoutMs`, and reads at most 1 KiB of the answer.
 */
export function postWebhook(options: PostOptions): Promise<PostResult> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    // Declared before any exit: an early exit clears it too (it was once used before its declaration).
    let timer: NodeJS.Timeout | undefined;
    const finish = (r: Omit<PostResult, 'latencyMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...r, latencyMs: latency() });
    };
    let url: URL;
    try {
      url = new URL(options.url);
    } catch {
      finish({ statusCode: null, excerpt: null, error: 'invalid URL' });
      return;
    }
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const refused = isIP(host) ? options.refuseAddress(host) : null;
    if (refused) {
      finish({ statusCode: null, excerpt: null, error: refused });
      return;
    }
    const secure = url.protocol === 'https:';
    const client = secure ? https : http;
    let req: http.ClientRequest;
    try {
      req = client.request(url, {
        method: 'POST',
        headers: { ...options.headers, 'content-length': Buffer.byteLength(options.body).toString() },
        lookup: options.lookup,
        agent: options.agents ? (secure ? options.agents.https : options.agents.http) : false,
      });
    } catch (err) {
      // An unsupported protocol or an invalid header value: a failed attempt, never a throw.
      finish({ statusCode: null, excerpt: null, error: (err as Error).message });
      return;
    }
    timer = setTimeout(() => {
      req.destroy(new Error(`timed out after ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        if (size < EXCERPT_BYTES) chunks.push(chunk);
        size += chunk.length;
        if (size >= EXCERPT_BYTES) res.destroy();
      });
      const done = () => {
        const status = res.statusCode ?? null;
        const excerpt = Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8');
        const ok = status !== null && status >= 200 && status < 300;
        const error = ok
          ? null
          : status !== null && status >= 300 && status < 400
            ? `redirect to ${res.headers.location ?? '?'} not followed`
            : `HTTP ${status}`;
        finish({ statusCode: status, excerpt: excerpt || null, error });
      };
      res.on('end', done);
      res.on('close', done);
      res.on('error', done);
    });
    req.on('error', (err) => finish({ statusCode: null, excerpt: null, error: err.message }));
    req.end(options.body);
  });
}
