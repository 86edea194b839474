import { randomUUID } from 'node:crypto';
import {
  createServer,
  type RequestListener,
  type Server,
  type ServerResponse,
  STATUS_CODES,
} from 'node:http';
import type { Socket } from 'node:net';
import { type ErrorCode, toProblem } from '../errors.js';

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
 *
 * Requests Node itself refuses before Koa sees them (not HTTP, headers over 16 KiB, too slow) get
 * the same `application/problem+json` body as every other error instead of Node's empty answer.
 */
export function createHttpServer(handler: RequestListener, options: HttpServerOptions): Server {
  // The response in flight on each socket: once its headers are out, an error answer would corrupt it.
  const responding = new WeakMap<Socket, ServerResponse>();
  const server = createServer(
    {
      headersTimeout: Math.min(options.headersTimeoutMs, options.requestTimeoutMs),
      requestTimeout: options.requestTimeoutMs,
      // How often Node checks those timeouts; its default (30 s) would delay every 408 by up to that.
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(options.headersTimeoutMs / 4))),
    },
    (req, res) => {
      const socket = req.socket;
      responding.set(socket, res);
      res.once('close', () => {
        if (responding.get(socket) === res) responding.delete(socket);
      });
      handler(req, res);
    },
  );
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable || responding.get(socket)?.headersSent) {
      socket.destroy();
      return;
    }
    socket.end(clientErrorResponse(clientErrorCode(err.code)));
  });
  server.keepAliveTimeout = 65_000; // longer than common load-balancer idle timeouts
  return server;
}

/** The problem code for an error Node's HTTP parser or its timeouts raised. */
function clientErrorCode(nodeCode: string | undefined): ErrorCode {
  switch (nodeCode) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return 'request_timeout';
    case 'HPE_HEADER_OVERFLOW':
      return 'request_header_fields_too_large';
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return 'payload_too_large';
    default:
      return 'malformed_request';
  }
}

const DETAILS: Partial<Record<ErrorCode, string>> = {
  request_timeout: 'The request did not arrive in time.',
  request_header_fields_too_large: 'The request headers are larger than 16 KiB.',
  payload_too_large: 'The chunk extensions are too large.',
  malformed_request: 'The request is not valid HTTP/1.1.',
};

/** A whole HTTP/1.1 response, written to the raw socket (there is no request or response object). */
function clientErrorResponse(code: ErrorCode): string {
  const requestId = randomUUID();
  const problem = toProblem(code, DETAILS[code] ?? 'The request was refused.', requestId);
  const body = JSON.stringify(problem);
  return [
    `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}`,
    'Content-Type: application/problem+json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    `X-Request-Id: ${requestId}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}
