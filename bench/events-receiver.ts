/**
 * The receiving end of `npm run bench:events`: a local HTTP server standing in for sellers' webhook
 * endpoints, checking each delivery's signature and noting when each event first arrived.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const HOOK_PATH = '/hook/';

/**
 * A local receiver doing what a receiver must: it reads the body, checks the `Souk-Signature` against
 * its endpoint's secret (HMAC-SHA256 over `t.body`, compared in constant time, as `verifyWebhook` of
 * the SDK does), answers 200 — 400 to a bad signature, which the bench counts — and notes when each
 * event id first arrived. Endpoint `whe_bench<i>` posts to `<base>/<i>` and signs with `whsec_<i>`.
 */
export async function receiver() {
  const arrived = new Map<string, number>();
  const seen = new Set<string>();
  let duplicates = 0;
  let badSignatures = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const secret = `whsec_${(req.url ?? '').slice(HOOK_PATH.length)}`;
      if (!signedBy(Buffer.concat(chunks), String(req.headers['souk-signature'] ?? ''), secret)) {
        badSignatures++;
        res.writeHead(400).end('bad signature');
        return;
      }
      const id = String(req.headers['souk-event-id'] ?? '');
      // `arrived` is cleared between phases, `seen` never: a late redelivery is a duplicate, not news.
      if (seen.has(id)) duplicates++;
      else {
        seen.add(id);
        arrived.set(id, Date.now());
      }
      res.writeHead(200).end('ok');
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${HOOK_PATH}`;
  return {
    /** The URL of endpoint number `i` (signing with `whsec_<i>`). */
    urlOf: (i: number) => `${base}${i}`,
    arrived,
    duplicates: () => duplicates,
    badSignatures: () => badSignatures,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/**
 * Whether some `v1` of a `t=…,v1=…` header is the HMAC of `t.body` under `secret`. Not the SDK's
 * `verifyWebhook`: WebCrypto stays the dearer check even with its imported keys kept (Node 20, one
 * secret, a 200-byte body: ~30 µs of CPU a verification against ~9 µs with `node:crypto`; ~95 µs when
 * it imported the key per call), and in this process (the pipeline's) the receiver's cost is counted
 * with the pipeline's, so the cheapest honest check keeps the figures about the pipeline.
 */
function signedBy(body: Buffer, header: string, secret: string): boolean {
  const t = /(?:^|,)t=(\d+)/.exec(header)?.[1];
  if (!t) return false;
  const mac = createHmac('sha256', secret).update(`${t}.`).update(body).digest();
  return header
    .split(',')
    .filter((p) => p.startsWith('v1='))
    .some((p) => {
      const given = Buffer.from(p.slice(3), 'hex');
      return given.length === mac.length && timingSafeEqual(given, mac);
    });
}
/** The running receiver: endpoint URLs, arrivals by event id, duplicate and bad-signature counts. */
export type Receiver = Awaited<ReturnType<typeof receiver>>;
