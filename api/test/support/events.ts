import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Brokers of the real Kafka when the run has one (CI's PostgreSQL run); else the embedded bus is used. */
export const kafkaBrokers = process.env.KAFKA_BROKERS || undefined;

/** A topic of its own per test file, so files running side by side never read each other's events. */
export function uniqueTopic(): string {
  return `souk.test.${randomBytes(5).toString('hex')}`;
}

/**
 * API settings for tests about events: relay and plugins on, fast polling, the retry schedule shrunk
 * to milliseconds, loopback receivers allowed; Kafka when the run has a broker.
 */
export function eventEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    RELAY_ENABLED: 'true',
    RELAY_POLL_MS: '20',
    PLUGINS: 'webhooks,inventory-alerts',
    PLUGIN_RETRY_BASE_MS: '10',
    WEBHOOK_POLL_MS: '20',
    WEBHOOK_RETRY_SCALE: '0.0001',
    WEBHOOK_TIMEOUT_MS: '2000',
    WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    ...(kafkaBrokers
      ? { KAFKA_BROKERS: kafkaBrokers, KAFKA_TOPIC: uniqueTopic(), KAFKA_TOPIC_PARTITIONS: '3' }
      : {}),
    ...extra,
  };
}

/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(
  label: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  json: { id: string; type: string; seller_id: string | null; data: Record<string, unknown> };
  receivedAt: number;
}

/** A local HTTP receiver for webhooks; `respond` decides each answer's status (default 200). */
export async function startReceiver(respond: (hook: ReceivedWebhook, n: number) => number = () => 200) {
  const received: ReceivedWebhook[] = [];
  let responder = respond;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const hook = { headers: req.headers, body, json: JSON.parse(body), receivedAt: Date.now() };
      received.push(hook);
      const status = responder(hook, received.length);
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : `nope ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    setResponder(fn: typeof respond) {
      responder = fn;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
