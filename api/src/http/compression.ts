import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Context, Middleware } from 'koa';
import compress from 'koa-compress';
import { LRUCache } from 'lru-cache';
import Negotiator from 'negotiator';

/** Bodies smaller than this go as they are: compressing them saves a few bytes for real CPU. */
export const COMPRESSION_THRESHOLD = 1024;

/** The encodings the API sends: brotli for browsers, gzip for everything else (Node's fetch asks for it). */
export type Encoding = 'br' | 'gzip';

// Requests the compression layer may compress: `sendKeptBody` compresses only those, so with the
// layer left out (HTTP_COMPRESSION=false) kept bodies go as they are too.
const mayCompress = new WeakSet<Context>();

/**
 * Compression of responses built per request (`koa-compress`): brotli or gzip as the client asks,
 * JSON and other compressible types from 1 KiB. Their fastest settings: such a response pays its
 * compression on every request.
 * Placed outside the router, so it sees every answer, and inside CORS and the request context.
 */
export function compression(): Middleware {
  const compressing = compress({
    threshold: COMPRESSION_THRESHOLD,
    br: { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } },
    gzip: { level: 1 },
    deflate: false,
    zstd: false,
  });
  // Without `Accept-Encoding` nothing is compressed (koa-compress sends it as it is), so such a request
  // gets only the `Vary` and skips the library's async frame: ~0.01 ms of a cached hit's ~0.065 ms.
  return function compression(ctx, next) {
    if (ctx.headers['accept-encoding']) {
      mayCompress.add(ctx);
      return compressing(ctx, next);
    }
    ctx.vary('Accept-Encoding');
    return next();
  };
}

// Stronger settings for a body compressed once and sent many times (a cached response).
const ONCE = {
  br: (body: Buffer) =>
    brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }),
  gzip: (body: Buffer) => gzipSync(body, { level: 6 }),
} satisfies Record<Encoding, (body: Buffer) => Buffer>;

// A cached body's encodings, made on its first hit that asks for each and dropped with the body.
const encoded = new WeakMap<Buffer, Partial<Record<Encoding, Buffer>>>();

// `Accept-Encoding` values seen: few in practice (one per client family), bounded all the same.
const negotiated = new LRUCache<string, Encoding | 'identity'>({ max: 256 });

// negotiator 1.x breaks a tie of the client's weights by the server's order (`preferred`), as
// `koa-compress` asks it to: a browser's "gzip, deflate, br" gets brotli. Its types predate the option.
type Negotiate = {
  encoding(available: readonly string[], options: { preferred: readonly string[] }): string | undefined;
};
const OFFERED = ['br', 'gzip', 'identity'] as const;

/**
 * The encoding `koa-compress` would choose for this request (brotli before gzip on a tie; none
 * without the header, gzip for `*`), negotiated once per distinct header value.
 */
function encodingFor(ctx: Context): Encoding | undefined {
  const header = ctx.headers['accept-encoding'];
  if (!header) return undefined;
  let choice = negotiated.get(header);
  if (choice === undefined) {
    const negotiator = new Negotiator({ headers: { 'accept-encoding': header === '*' ? 'gzip' : header } });
    const found = (negotiator as unknown as Negotiate).encoding(OFFERED, { preferred: OFFERED });
    choice = found === 'br' || found === 'gzip' ? found : 'identity';
    negotiated.set(header, choice);
  }
  return choice === 'identity' ? undefined : choice;
}

/**
 * Answers a request with a body kept in memory and sent many times (an in-process response-cache
 * hit, the API reference): compressed once per encoding and then sent as bytes, with the headers
 * `koa-compress` would have set (it leaves a response that already has `Content-Encoding` alone).
 * For text bodies only (JSON, HTML, scripts): the type is not checked here.
 */
export function sendKeptBody(ctx: Context, body: Buffer): void {
  const encoding =
    ctx.method === 'HEAD' || body.length < COMPRESSION_THRESHOLD || !mayCompress.has(ctx)
      ? undefined
      : encodingFor(ctx);
  if (!encoding) {
    ctx.body = body;
    return;
  }
  let forms = encoded.get(body);
  if (!forms) {
    forms = {};
    encoded.set(body, forms);
  }
  forms[encoding] ??= ONCE[encoding](body);
  ctx.set('Content-Encoding', encoding);
  ctx.body = forms[encoding];
}
