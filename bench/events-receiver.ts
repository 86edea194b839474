/**
 * The receiving end of `npm run bench:events`: a local HTTP server standing in for sellers' webhook
 * endpoints, in a process of its own (a child of the bench) so that its CPU is counted apart from the
 * pipeline's, checking each delivery's signature and reporting when each event first arrived.
 */
import { fork } from 'node:child_process';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import type { Database } from '../api/src/db/schema.js';

const HOOK_PATH = '/hook/';

/** What the receiver's process tells the bench: its base URL once, then arrivals and counts. */
type Report =
  | { base: string }
  | { arrived: Array<[string, number]>; duplicates: number; badSignatures: number };

/**
 * Starts the receiver's process: it reads each body, checks the `Souk-Signature` against its
 * endpoint's secret (HMAC-SHA256 over `t.body`, compared in constant time, as `verifyWebhook` of the
 * SDK does), answers 200 — 400 to a bad signature, which the bench counts — and reports when each
 * event id first arrived (every few milliseconds, in batches). Endpoint `whe_bench<i>` posts to
 * `<base>/<i>` and signs with `whsec_<i>`.
 */
export async function receiver() {
  // The bench's own execArgv (`--import tsx`, a `--cpu-prof` too) is the child's.
  const child = fork(import.meta.filename, ['--serve']);
  const arrived = new Map<string, number>();
  let duplicates = 0;
  let badSignatures = 0;
  const base = await new Promise<string>((resolve, reject) => {
    child.on('message', (m: Report) => {
      if ('base' in m) return resolve(m.base);
      for (const [id, at] of m.arrived) arrived.set(id, at);
      duplicates = m.duplicates;
      badSignatures = m.badSignatures;
    });
    child.once('exit', (code) => reject(new Error(`the receiver exited (${code})`)));
  });
  return {
    /** The URL of endpoint number `i` (signing with `whsec_<i>`). */
    urlOf: (i: number) => `${base}${i}`,
    /** First arrival of each event id since the last `clear()` (a later redelivery is a duplicate). */
    arrived,
    duplicates: () => duplicates,
    badSignatures: () => badSignatures,
    /** The receiver's process (its CPU is read from /proc). */
    pid: child.pid ?? 0,
    close: () =>
      new Promise<void>((r) => {
        child.once('exit', () => r());
        child.kill('SIGTERM');
      }),
  };
}

/** The receiver's process: the server, and its reports to the bench. */
function serve(send: (r: Report) => void): void {
  const seen = new Set<string>();
  let duplicates = 0;
  let badSignatures = 0;
  let batch: Array<[string, number]> = [];
  let flushing = false;
  const flush = () => {
    flushing = false;
    send({ arrived: batch, duplicates, badSignatures });
    batch = [];
  };
  const noted = () => {
    if (flushing) return;
    flushing = true;
    setTimeout(flush, 5);
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const secret = `whsec_${(req.url ?? '').slice(HOOK_PATH.length)}`;
      if (!signedBy(Buffer.concat(chunks), String(req.headers['souk-signature'] ?? ''), secret)) {
        badSignatures++;
        noted();
        res.writeHead(400).end('bad signature');
        return;
      }
      const id = String(req.headers['souk-event-id'] ?? '');
      // The bench clears its arrivals between phases, `seen` is never cleared: a late redelivery is
      // a duplicate, not news.
      if (seen.has(id)) duplicates++;
      else {
        seen.add(id);
        batch.push([id, Date.now()]);
      }
      noted();
      res.writeHead(200).end('ok');
    });
  });
  server.keepAliveTimeout = 30_000;
  server.listen(0, '127.0.0.1', () =>
    send({ base: `http://127.0.0.1:${(server.address() as AddressInfo).port}${HOOK_PATH}` }),
  );
  process.on('SIGTERM', () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
  // The bench went away without closing it.
  process.on('disconnect', () => process.exit(0));
}

/**
 * Whether some `v1` of a `t=…,v1=…` header is the HMAC of `t.body` under `secret`. Not the SDK's
 * `verifyWebhook`: WebCrypto stays the dearer check even with its imported keys kept (Node 20, one
 * secret, a 200-byte body: ~30 µs of CPU a verification against ~9 µs with `node:crypto`; ~95 µs when
 * it imported the key per call), and the cheapest honest check keeps the receiver's figure small.
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

/**
 * Registers endpoints `whe_bench0` … `whe_bench<count - 1>` (owner `sel_bench<i>`, every event type)
 * posting to the receiver's `urlOf(i)`, each with the secret `whsec_<i>` the receiver checks.
 */
export async function insertBenchEndpoints(
  db: Kysely<Database>,
  hook: Pick<Receiver, 'urlOf'>,
  count: number,
) {
  for (let i = 0; i < count; i++) {
    await db
      .insertInto('webhook_endpoints')
      .values({ id: `whe_bench${i}`, owner: `sel_bench${i}`, url: hook.urlOf(i), event_types: ['*'] })
      .execute();
    await db
      .insertInto('webhook_secrets')
      .values({ id: `whs_bench${i}`, endpoint_id: `whe_bench${i}`, secret: `whsec_${i}` })
      .execute();
  }
}

if (process.argv.includes('--serve') && process.send) serve((r) => process.send?.(r));
