/**
 * `npm run bench:realtime`: Socket.IO fan-out of the API on real PostgreSQL. N clients connect to
 * `/store` and join one product room; events are committed straight into the outbox and the time from
 * each commit to each client's receipt is measured (relay → bus → `realtime` consumer → Socket.IO).
 * The same clients against a bare Socket.IO server (bench/bare-socketio.ts, broadcast on an HTTP call)
 * give the baseline of the same run. Memory per connection is the server process's RSS growth over N.
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { parseCli } from '../api/src/lib/cli.js';
import {
  benchDatabase,
  createDatabase,
  dropDatabase,
  envInt,
  freePort,
  machine,
  query,
  seed,
} from './lib.js';
import { type Service, startService, stopService, waitForOk } from './processes.js';

const CLIENTS = envInt('BENCH_REALTIME_CLIENTS', 5_000);
const EVENTS = envInt('BENCH_REALTIME_EVENTS', 20);
const GAP_MS = envInt('BENCH_REALTIME_GAP_MS', 250);

interface Result {
  name: string;
  connected: number;
  connectS: number;
  p50: number;
  p99: number;
  max: number;
  delivered: number;
  kbPerConnection: number;
  /** Clients that could not connect, and the first reason (a descriptor limit shows as EMFILE). */
  failed: number;
  firstError: string | undefined;
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/** Resident memory of a process in KiB (Linux /proc). */
function rssKb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

/** This process's soft limit on open files (`ulimit -n`; each client and server socket takes one). */
function openFilesLimit(): number | undefined {
  const line = /Max open files\s+(\d+)/.exec(readFileSync('/proc/self/limits', 'utf8'));
  return line ? Number(line[1]) : undefined;
}

/** Connects `CLIENTS` sockets, 200 at a time; each runs `onConnect` once connected. */
async function connectAll(
  url: string,
  auth: Record<string, string>,
  onConnect: (s: Socket) => Promise<void>,
) {
  const sockets: Socket[] = [];
  const t0 = Date.now();
  let failed = 0;
  let firstError: string | undefined;
  for (let i = 0; i < CLIENTS; i += 200) {
    await Promise.all(
      Array.from({ length: Math.min(200, CLIENTS - i) }, async () => {
        const s = io(url, {
          auth,
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
          timeout: 60_000,
        });
        try {
          await new Promise<void>((resolve, reject) => {
            s.once('connect', () => resolve());
            s.once('connect_error', reject);
          });
          await onConnect(s);
          sockets.push(s);
        } catch (err) {
          // Counted, not fatal: the run reports how many connected and why the others did not.
          s.disconnect();
          failed++;
          firstError ??= err instanceof Error ? err.message : String(err);
        }
      }),
    );
  }
  return { sockets, connectS: (Date.now() - t0) / 1000, failed, firstError };
}

/** Connects, measures memory, sends EVENTS messages GAP_MS apart and collects commit→receipt latencies. */
async function measure(
  name: string,
  service: Service,
  url: string,
  auth: Record<string, string>,
  join: (s: Socket) => Promise<void>,
  send: (id: string) => Promise<number>,
): Promise<Result> {
  await new Promise((r) => setTimeout(r, 1_000));
  const before = rssKb(service.child.pid);
  const sentAt = new Map<string, number>();
  // Receipts are kept and matched at the end: a message can arrive before its send call returned.
  const receipts: { id: string; at: number }[] = [];
  const { sockets, connectS, failed, firstError } = await connectAll(url, auth, async (s) => {
    s.on('event', (m: { id?: string; event?: { id: string } }) => {
      receipts.push({ id: m.event?.id ?? m.id ?? '', at: Date.now() });
    });
    await join(s);
  });
  await new Promise((r) => setTimeout(r, 1_000));
  const after = rssKb(service.child.pid);
  for (let i = 0; i < EVENTS; i++) {
    const id = `evt_bench${Date.now()}${i}`;
    sentAt.set(id, await send(id));
    await new Promise((r) => setTimeout(r, GAP_MS));
  }
  const deadline = Date.now() + 30_000;
  while (receipts.length < EVENTS * sockets.length && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  for (const s of sockets) s.disconnect();
  const latencies = receipts.flatMap((r) => {
    const at = sentAt.get(r.id);
    return at === undefined ? [] : [r.at - at];
  });
  const sorted = latencies.sort((a, b) => a - b);
  return {
    name,
    connected: sockets.length,
    connectS,
    p50: pct(sorted, 0.5),
    p99: pct(sorted, 0.99),
    max: sorted.at(-1) ?? 0,
    delivered: latencies.length / (EVENTS * sockets.length),
    kbPerConnection: (after - before) / sockets.length,
    failed,
    firstError,
  };
}

async function main(): Promise<void> {
  parseCli({
    name: 'bench:realtime',
    command: 'npm run bench:realtime --',
    description:
      'Socket.IO fan-out: N clients in one product room of one API instance, latency from outbox commit to\n' +
      'each client, memory per connection; against a bare Socket.IO broadcast in the same run.',
    options: {},
    environment: {
      DATABASE_URL: 'PostgreSQL server (required; the bench uses its own database).',
      BENCH_REALTIME_CLIENTS: 'Connected clients (default 5000).',
      BENCH_REALTIME_EVENTS: 'Events sent (default 20).',
      BENCH_REALTIME_GAP_MS: 'Pause between events (default 250).',
    },
  });
  const loadAtStart = loadavg();
  const source = process.env.DATABASE_URL;
  if (!source) {
    process.stderr.write(
      'bench:realtime needs DATABASE_URL (scripts/services up postgres; eval $(scripts/services env))\n',
    );
    process.exit(2);
  }
  const bench = benchDatabase(source, 'souk_bench_realtime');
  await createDatabase(source, bench);
  const services: Service[] = [];
  try {
    const key = (await seed(bench.url)).storefront;
    const [product] = await query<{ id: string; seller_id: string }>(
      bench.url,
      "SELECT id, seller_id FROM products WHERE status = 'published' ORDER BY id LIMIT 1",
    );
    if (!product) throw new Error('the seed made no published product');
    const apiPort = await freePort();
    const api = startService('api', 'api/src/main.ts', `http://127.0.0.1:${apiPort}`, {
      ...process.env,
      DATABASE_URL: bench.url,
      REDIS_URL: '',
      KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '',
      KAFKA_TOPIC: `souk.bench.realtime.${Date.now()}`,
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'never',
      PLUGINS: 'none',
      RELAY_POLL_MS: '10',
      RATE_LIMIT_ENABLED: 'false',
      FIREBASE_AUTH_EMULATOR_HOST: '',
    });
    services.push(api);
    await waitForOk(api, '/ready', 120_000);
    const barePort = await freePort();
    const bare = startService('bare', 'bench/bare-socketio.ts', `http://127.0.0.1:${barePort}`, {
      ...process.env,
      PORT: String(barePort),
    });
    services.push(bare);
    await waitForOk(bare, '/ready');

    const room = `product:${product.id}`;
    const souk = await measure(
      'souk /store',
      api,
      `${api.url}/store`,
      { key },
      async (s) => {
        const ack = await s.timeout(60_000).emitWithAck('subscribe', { room });
        if (!ack.ok) throw new Error(`subscribe refused: ${JSON.stringify(ack)}`);
      },
      async (id) => {
        await query(
          bench.url,
          `INSERT INTO outbox_events (id, type, aggregate_type, aggregate_id, seller_id, data)
           VALUES ($1, 'inventory.updated', 'variant', 'var_bench', $2, $3)`,
          [
            id,
            product.seller_id,
            JSON.stringify({
              product_id: product.id,
              variant_id: 'var_bench',
              sku: 'B',
              inventory_quantity: 1,
              previous_quantity: 2,
            }),
          ],
        );
        return Date.now(); // the INSERT autocommitted when it returned
      },
    );
    const baseline = await measure(
      'bare Socket.IO',
      bare,
      bare.url,
      {},
      async () => {},
      async (id) => {
        const t = Date.now();
        await fetch(`${bare.url}/emit`, { method: 'POST', body: JSON.stringify({ id }) });
        return t;
      },
    );
    const loadAtEnd = loadavg();
    const fmt = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
    console.log(
      `\nbench:realtime — ${CLIENTS} clients, ${EVENTS} events, bus ${process.env.KAFKA_BROKERS ? 'kafka' : 'embedded'}, ${cpus().length} CPUs, load average ${fmt(loadAtStart)} at start, ${fmt(loadAtEnd)} at end (1/5/15 min)\n`,
    );
    console.log('| server | connected | connect s | p50 ms | p99 ms | max ms | delivered | KiB/conn |');
    console.log('|---|---|---|---|---|---|---|---|');
    for (const r of [souk, baseline])
      console.log(
        `| ${r.name} | ${r.connected} | ${r.connectS.toFixed(1)} | ${r.p50} | ${r.p99} | ${r.max} | ${(r.delivered * 100).toFixed(1)} % | ${r.kbPerConnection.toFixed(1)} |`,
      );
    const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(1) : 'n/a');
    console.log(
      `\nratios to bare: p50 ×${ratio(souk.p50, baseline.p50)}, p99 ×${ratio(souk.p99, baseline.p99)}, memory per connection ×${ratio(souk.kbPerConnection, baseline.kbPerConnection)}`,
    );
    for (const r of [souk, baseline])
      if (r.failed > 0)
        console.log(`${r.name}: ${r.failed} clients failed to connect (first: ${r.firstError})`);
    const out = join(import.meta.dirname, 'results', 'realtime.json');
    mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
    const record = {
      ...machine(),
      fileDescriptorLimit: openFilesLimit(),
      clients: CLIENTS,
      events: EVENTS,
      gapMs: GAP_MS,
      bus: process.env.KAFKA_BROKERS ? 'kafka' : 'embedded',
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: loadAtEnd,
      results: [souk, baseline],
    };
    writeFileSync(out, `${JSON.stringify(record, null, 2)}\n`);
    console.log(`\nrecorded in ${out}`);
  } finally {
    for (const s of services.reverse()) await stopService(s);
    await dropDatabase(source, bench);
  }
}

main().catch((err) => {
  process.stderr.write(
    `bench:realtime failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
