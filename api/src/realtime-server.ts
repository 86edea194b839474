import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Container } from './container.js';
import { toProblem } from './errors.js';
import { createHttpServer } from './http/http-server.js';
import type { Logger } from './lib/logger.js';

/** A started sockets-only server. */
export interface RunningRealtimeServer {
  server: Server;
  url: string;
  /** Disconnects every socket (clients reconnect elsewhere and catch up with `since`), stops consuming. */
  shutdown(reason: string): Promise<void>;
}

/** Where and how long: the same settings as the API's HTTP server. */
export interface RealtimeServerOptions {
  port: number;
  host: string;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
}

/**
 * Serves the real-time channels only: Socket.IO on `/socket.io`, `GET /health` and `GET /ready` for
 * probes, a 404 problem for anything else (the REST API is another process), and consumes the
 * `realtime` group of the bus. With Redis (`REDIS_URL`) its emits reach sockets on every instance.
 */
export async function serveRealtime(
  container: Pick<Container, 'realtime'>,
  logger: Logger,
  options: RealtimeServerOptions,
): Promise<RunningRealtimeServer> {
  let draining = false;
  const server = createHttpServer(
    (req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      const json = (status: number, body: unknown, type = 'application/json') => {
        res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
        res.end(JSON.stringify(body));
      };
      if (req.method === 'GET' && path === '/health') return json(200, { status: 'ok' });
      if (req.method === 'GET' && path === '/ready')
        return draining ? json(503, { status: 'draining' }) : json(200, { status: 'ready' });
      const problem = toProblem(
        'not_found',
        'This process serves the real-time channels only (/socket.io).',
        randomUUID(),
        path,
      );
      json(404, problem, 'application/problem+json');
    },
    { headersTimeoutMs: options.headersTimeoutMs, requestTimeoutMs: options.requestTimeoutMs },
  );
  // Socket.IO answers its own path before the handler above sees the request.
  container.realtime.attach(server);
  await container.realtime.start();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    server,
    url: `http://localhost:${port}`,
    shutdown: (reason) => {
      closing ??= (async () => {
        draining = true;
        logger.info({ reason }, 'realtime: disconnecting sockets and stopping the consumer');
        await container.realtime.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      })();
      return closing;
    },
  };
}
