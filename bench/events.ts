/**
 * `npm run bench:events`: end-to-end throughput of domain events on real PostgreSQL — from committed
 * outbox rows, through the relay and the bus (embedded, and Kafka when KAFKA_BROKERS is set), through
 * the webhooks plugin, to signed HTTP deliveries at a local receiver — compared in the same run with a
 * bare baseline: plain HTTP POSTs of the same bodies to the same receiver at the same concurrency.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../api/src/config.js';
import { openDatabase } from '../api/src/db/database.js';
import { migrateToLatest } from '../api/src/db/migrate.js';
import { parseCli } from '../api/src/lib/cli.js';
import { createLogger } from '../api/src/lib/logger.js';
import {
  createEventBus,
  createRelay,
  type DomainEvent,
  recordEvents,
} from '../api/src/modules/events/index.js';
import { createPluginRunner } from '../api/src/plugins/index.js';
import webhooks from '../plugins/webhooks/src/index.js';
import { benchDatabase, createDatabase, dropDatabase, envInt } from './lib.js';

const EVENTS = envInt('BENCH_EVENTS', 5_000);
const LANES = envInt('BENCH_EVENT_SELLERS', 20);
const PER_TX = 5;

interface Row {
  bus: string;
  relayPerS: number;
  endToEndPerS: number;
  p50: number;
  p99: number;
  deliveries: number;
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

async function receiver() {
  let sentAt = new Map<string, number>();
  const early: { id: string; at: number }[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const id = String(req.headers['souk-event-id'] ?? '');
      // Deliveries can arrive before the writer has read back every id: keep them and settle later.
      early.push({ id, at: Date.now() });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return {
    url,
    received: () => early.length,
    /** Latencies of every arrival against the write times known by now. */
    latencies: () => early.map((e) => e.at - (sentAt.get(e.id) ?? e.at)),
    reset(map: Map<string, number>) {
      early.length = 0;
      sentAt = map;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

async function runBus(source: string, kafka: string | undefined, hook: Awaited<ReturnType<typeof receiver>>) {
  const bench = benchDatabase(source, 'souk_bench_events');
  await createDatabase(source, bench);
  const config = loadConfig({
    DATABASE_URL: bench.url,
    LOG_LEVEL: 'warn',
    WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    WEBHOOK_POLL_MS: '10',
    WEBHOOK_CONCURRENCY: String(LANES),
    RELAY_POLL_MS: '10',
    ...(kafka ? { KAFKA_BROKERS: kafka, KAFKA_TOPIC: `souk.bench.${Date.now()}` } : {}),
  });
  const logger = createLogger('warn');
  const database = await openDatabase({ url: bench.url, poolSize: 20, logger });
  const db = database.db;
  try {
    await migrateToLatest(db);
    for (let i = 0; i < LANES; i++) {
      await db
        .insertInto('webhook_endpoints')
        .values({ id: `whe_bench${i}`, owner: `sel_bench${i}`, url: hook.url, event_types: ['*'] })
        .execute();
      await db
        .insertInto('webhook_secrets')
        .values({ id: `whs_bench${i}`, endpoint_id: `whe_bench${i}`, secret: `whsec_${i}` })
        .execute();
    }
    const bus = await createEventBus(config, db, logger);
    await bus.setup();
    const relay = createRelay({ db, bus, logger, batchSize: config.RELAY_BATCH_SIZE, pollMs: 10 });
    const runner = createPluginRunner({
      db,
      bus,
      logger,
      config,
      plugins: [webhooks],
      maxAttempts: 3,
      retryBaseMs: 50,
    });
    await runner.start();
    relay.start();
    const written = new Map<string, number>();
    hook.reset(written);
    const t0 = Date.now();
    for (let i = 0; i < EVENTS; i += PER_TX) {
      await db.transaction().execute(async (trx) => {
        const batch = Array.from({ length: Math.min(PER_TX, EVENTS - i) }, (_, j) => ({
          type: 'product.updated',
          aggregateType: 'product',
          aggregateId: `prod_bench${(i + j) % 500}`,
          sellerId: `sel_bench${(i + j) % LANES}`,
          data: { product_id: `prod_bench${(i + j) % 500}`, n: i + j },
        }));
        // A load probe, not a real product.updated payload: the relay and delivery do not read `data`.
        await recordEvents(trx, batch as unknown as DomainEvent[]);
      });
    }
    // Latency is measured per event from its own write (occurred_at, the database clock on this host).
    const ids = await db.selectFrom('outbox_events').select(['id', 'occurred_at']).execute();
    for (const { id, occurred_at } of ids) written.set(id, new Date(occurred_at).getTime());
    let relayDone = 0;
    while (hook.received() < EVENTS) {
      if (!relayDone) {
        const left = await db
          .selectFrom('outbox_events')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('published_at', 'is', null)
          .executeTakeFirstOrThrow();
        if (Number(left.n) === 0) relayDone = Date.now();
      }
      if (Date.now() - t0 > 600_000)
        throw new Error(`only ${hook.received()} of ${EVENTS} delivered in 10 min`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const done = Date.now();
    await runner.stop();
    await relay.stop();
    await bus.close();
    const sorted = hook.latencies().sort((a, b) => a - b);
    return {
      bus: bus.kind,
      relayPerS: Math.round(EVENTS / (((relayDone || done) - t0) / 1000)),
      endToEndPerS: Math.round(EVENTS / ((done - t0) / 1000)),
      p50: pct(sorted, 0.5),
      p99: pct(sorted, 0.99),
      deliveries: hook.received(),
    } satisfies Row;
  } finally {
    await database.destroy();
    await dropDatabase(source, bench);
  }
}

/** The baseline: the same number of POSTs with a similar body, LANES at a time, no database. */
async function bare(url: string): Promise<number> {
  const body = JSON.stringify({ id: 'evt_x', type: 'product.updated', version: 1, data: { n: 1 } });
  let next = 0;
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: LANES }, async () => {
      while (next < EVENTS) {
        next++;
        const res = await fetch(url, {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json' },
        });
        await res.text();
      }
    }),
  );
  return Math.round(EVENTS / ((Date.now() - t0) / 1000));
}

async function main(): Promise<void> {
  parseCli({
    name: 'bench:events',
    command: 'npm run bench:events --',
    description:
      'Measures domain events end to end (outbox → relay → bus → webhooks plugin → signed deliveries to a\n' +
      'local receiver) against bare HTTP POSTs to the same receiver, on real PostgreSQL (its own database).',
    options: {},
    environment: {
      DATABASE_URL: 'PostgreSQL server (required).',
      KAFKA_BROKERS: 'Also measure the Kafka bus.',
      BENCH_EVENTS: 'Events per run (default 5000).',
      BENCH_EVENT_SELLERS: 'Sellers, each with one endpoint (default 20).',
    },
  });
  const source = process.env.DATABASE_URL;
  if (!source) {
    process.stderr.write(
      'bench:events needs DATABASE_URL (scripts/services up postgres; eval $(scripts/services env))\n',
    );
    process.exit(2);
  }
  const hook = await receiver();
  const baseline = await bare(hook.url);
  const rows: Row[] = [await runBus(source, undefined, hook)];
  if (process.env.KAFKA_BROKERS) rows.push(await runBus(source, process.env.KAFKA_BROKERS, hook));
  await hook.close();
  console.log(`\n${EVENTS} events, ${PER_TX} per transaction, ${LANES} sellers each with one endpoint\n`);
  console.log('| path | relay events/s | end-to-end events/s | write → delivery p50 | p99 |');
  console.log('|---|---:|---:|---:|---:|');
  console.log(`| bare HTTP POSTs to the receiver, ${LANES} at a time | — | ${baseline} | — | — |`);
  for (const r of rows) {
    console.log(
      `| outbox → ${r.bus} bus → webhooks plugin → receiver | ${r.relayPerS} | ${r.endToEndPerS} | ${r.p50} ms | ${r.p99} ms |`,
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
