import { createServer, type RequestListener, type Server } from 'node:http';

/** Timeouts of the HTTP server, in milliseconds. */
export interface HttpServerOptions {
  /** All request headers must have arrived by then. */
  headersTimeoutMs: number;
  /** The whole request, body included, must have arrived by then. */
  requestTimeoutMs: number;
}

/**
 * The API's HTTP server. Node's defaults hold a connection whose request never completes for
 * minutes (5 min for the body, checked only every 30 s): far too long for an API, and a cheap way
 * to exhaust sockets. Here a slow or stalled request gets `408` after the configured time.
 */
export function createHttpServer(handler: RequestListener, options: HttpServerOptions): Server {
  const server = createServer(
    {
      headersTimeout: Math.min(options.headersTimeoutMs, options.requestTimeoutMs),
      requestTimeout: options.requestTimeoutMs,
      // How often Node checks those timeouts; its default (30 s) would delay every 408 by up to that.
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(options.headersTimeoutMs / 4))),
    },
    handler,
  );
  server.keepAliveTimeout = 65_000; // longer than common load-balancer idle timeouts
  return server;
}
