import koaCors from '@koa/cors';
import type { Context, Middleware } from 'koa';
import { CORS_ALLOW_HEADERS, CORS_EXPOSE_HEADERS } from './cors-headers.js';
import type { RequestHooks } from './request-context.js';

/** CORS of the API: `*`, or a comma list of the origins allowed. */
export interface CorsOptions {
  origins: string;
}

/**
 * The API's CORS in two parts. Every request but `OPTIONS` gets its headers from a request hook, set
 * as it arrives: the same headers `@koa/cors` sets (`Vary: Origin`; the allowed origin and the exposed
 * headers), without a middleware layer of its own, which cost a cached read ~6% of its CPU (an async
 * function, a try/catch and a `Vary` parse per request). Preflights (`OPTIONS`) are `@koa/cors`'s.
 */
export function apiCors(options: CorsOptions): { hooks: RequestHooks; preflight: Middleware } {
  const any = options.origins === '*';
  const allowed = new Set(
    options.origins
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  );
  const originOf = (ctx: Context): string => {
    if (any) return '*';
    const origin = ctx.get('origin');
    return allowed.has(origin) ? origin : '';
  };
  const expose = CORS_EXPOSE_HEADERS.join(',');
  const cors = koaCors({
    origin: originOf,
    exposeHeaders: CORS_EXPOSE_HEADERS,
    allowHeaders: CORS_ALLOW_HEADERS,
    maxAge: 600,
  });
  return {
    hooks: {
      start(ctx) {
        // `/metrics` is answered before the CORS layer: not readable from a page of another origin.
        if (ctx.method === 'OPTIONS' || ctx.path === '/metrics') return;
        // The hook runs first: no layer has set a Vary yet, so it is set rather than parsed and merged.
        ctx.res.setHeader('Vary', 'Origin');
        const origin = originOf(ctx);
        if (!origin) return;
        ctx.res.setHeader('Access-Control-Allow-Origin', origin);
        ctx.res.setHeader('Access-Control-Expose-Headers', expose);
      },
    },
    // Not async: every other request passes straight on.
    preflight: (ctx, next) => (ctx.method === 'OPTIONS' ? cors(ctx, next) : next()),
  };
}
