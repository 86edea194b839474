/**
 * The measured pipeline of `npm run bench:events`: outbox → relay → bus → webhooks plugin → signed
 * deliveries to a local receiver, all in this process on real PostgreSQL, in the bench's own database.
 * One run per bus: idle cost, a burst (events/s end to end) and a steady rate (write → delivery latency).
 */
import { loadConfig } from '../api/src/config.js';
import { openDatabase } from '../api/src/db/database.js';
import { migrateToLatest } from '../api/src/db/migrate.js';
import { createLogger } from '../api/src/lib/logger.js';
import {
  createEventBus,
  createRelay,
  type DomainEvent,
  recordEvents,
} from '../api/src/modules/events/index.js';
import { createPluginRunner } from '../api/src/plugins/index.js';
import webhooks from '../plugins/webhooks/src/index.js';
import { insertBenchEndpoints, type Receiver } from './events-receiver.js';
import { arrivedAll, type BurstResult, measureBurst } from './events-stages.js';
import { benchDatabase, createDatabase, dropDatabase, query } from './lib.js';
import { listenerPid } from './processes.js';

/** What one pipeline run writes, how fast and for how long, and where (server, database, brokers). */
export interface PipelineSettings {
  source: string;
  database: string;
  kafka: string | undefined;
  burstEvents: number;
  /** Writers committing the burst side by side. */
  writers: number;
  /**
   * Events per writing transaction of the burst and the backlog: 50 by default (a bulk write such as
   * an import: multi-row outbox inserts, so the writers outrun the pipeline and the burst measures
   * the pipeline — with 5, as a request writes them, the burst was bound by its writers' commits).
   * The steady phase always writes 5 per transaction.
   */
  burstPerTx: number;
  sellers: number;
  steadyRate: number;
  steadySeconds: number;
  idleSeconds: number;
  /** Only the backlog phase (profiling and before/after rounds of the pipeline's own cost). */
  backlogOnly: boolean;
}

/** One bus's figures: idle cost, burst, backlog and steady phases, and what the receiver refused. */
export interface BusResult {
  bus: string;
  /** CPU of this process (relay, bus consumers, plugin runner, delivery worker) while nothing happens. */
  idleCpuMsPerS: number;
  /** Transactions committed or rolled back per second in the bench database while idle. */
  idleTransactionsPerS: number;
  idleStatementsPerS: number;
  burst: BurstResult & { p50: number; p99: number };
  /** The same number of events written with the relay stopped, drained from the relay's start. */
  backlog: BurstResult;
  steady: { events: number; writtenPerS: number; p50: number; p99: number; max: number };
  duplicates: number;
  /** Deliveries whose signature the receiver refused (the run fails on the first). */
  badSignatures: number;
}

const PER_TX = 5;
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A load probe, not a real product.updated payload: neither relay nor delivery reads `data`. */
function probes(from: number, count: number, sellers: number): DomainEvent[] {
  return Array.from({ length: count }, (_, j) => ({
    type: 'product.updated',
    aggregateType: 'product',
    aggregateId: `prod_bench${(from + j) % 500}`,
    sellerId: `sel_bench${(from + j) % sellers}`,
    data: { product_id: `prod_bench${(from + j) % 500}`, n: from + j },
  })) as unknown as DomainEvent[];
}

/** Runs the pipeline on one bus (Kafka when `kafka` names brokers) and measures it. */
export async function runBus(s: PipelineSettings, hook: Receiver): Promise<BusResult> {
  const bench = benchDatabase(s.source, s.database);
  await createDatabase(s.source, bench);
  // The pipeline's own polling and wake-up settings are the defaults unless set in the environment.
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: bench.url,
    LOG_LEVEL: 'warn',
    WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    WEBHOOK_CONCURRENCY: process.env.WEBHOOK_CONCURRENCY || String(s.sellers),
    KAFKA_BROKERS: s.kafka ?? '',
    KAFKA_TOPIC: `souk.bench.${Date.now()}`,
  });
  const logger = createLogger('warn');
  let statements = 0;
  const database = await openDatabase({
    url: bench.url,
    // The writers' connections besides the pipeline's (relay, consumer, runner, worker lanes, watcher).
    poolSize: Math.max(20, s.writers + 12),
    logger,
    onQuery: () => statements++,
  });
  const db = database.db;
  const xacts = async () =>
    Number(
      (
        await query<{ n: string }>(
          bench.url,
          'SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()',
        )
      )[0]?.n ?? 0,
    );
  try {
    await migrateToLatest(db);
    await insertBenchEndpoints(db, hook, s.sellers);
    const wakeups = config.EVENT_WAKEUPS ? database.notifications : undefined;
    const bus = await createEventBus(config, db, logger, wakeups);
    await bus.setup();
    const relay = createRelay({
      db,
      bus,
      logger,
      batchSize: config.RELAY_BATCH_SIZE,
      pollMs: config.RELAY_POLL_MS,
      notifications: wakeups,
      safetyPollMs: config.EVENT_SAFETY_POLL_MS,
    });
    const runner = createPluginRunner({
      db,
      bus,
      logger,
      config,
      plugins: [webhooks],
      notifications: wakeups,
      maxAttempts: 3,
      retryBaseMs: 50,
    });
    await runner.start();
    relay.start();

    const write = (from: number, count: number) =>
      db
        .transaction()
        .execute((trx) => recordEvents(trx, probes(from, count, s.sellers)))
        .then(() => {});
    const brokerPort = Number(/:(\d+)$/.exec(s.kafka?.split(',')[0] ?? '')?.[1]);
    const phase = {
      brokerPid: s.kafka && brokerPort ? listenerPid(brokerPort) : undefined,
      db,
      hook,
      relay,
      statements: () => statements,
      writers: s.writers,
      perTx: s.burstPerTx,
      write,
    };
    const drainBacklog = async (from: number) => {
      // Backlog: events committed while the relay is stopped, then drained once it starts — the
      // pipeline's own rate from the outbox to the receiver, whatever the writers could do.
      await relay.stop();
      const backlog = await measureBurst(phase, {
        from,
        events: s.burstEvents,
        queuedBefore: from,
        backlog: true,
      });
      await runner.stop();
      await relay.stop();
      await bus.close();
      return backlog;
    };
    if (s.backlogOnly) {
      const backlog = await drainBacklog(0);
      const none = { events: 0, writtenPerS: 0, p50: 0, p99: 0, max: 0 };
      return {
        bus: bus.kind,
        idleCpuMsPerS: 0,
        idleTransactionsPerS: 0,
        idleStatementsPerS: 0,
        burst: { ...backlog, p50: 0, p99: 0 },
        steady: none,
        backlog,
        duplicates: hook.duplicates(),
        badSignatures: hook.badSignatures(),
      };
    }

    // Idle: what the running pipeline costs with no events (after a moment to settle).
    await sleep(2_000);
    const idle0 = { cpu: process.cpuUsage(), at: performance.now(), xacts: await xacts(), statements };
    await sleep(s.idleSeconds * 1000);
    const idleS = (performance.now() - idle0.at) / 1000;
    const cpu = process.cpuUsage(idle0.cpu);
    const idleCpuMsPerS = (cpu.user + cpu.system) / 1000 / idleS;
    const idleStatementsPerS = (statements - idle0.statements) / idleS;
    // Minus this measurement's own two statements.
    const idleTransactionsPerS = Math.max(0, (await xacts()) - idle0.xacts - 1) / idleS;

    // Burst: every event committed by `writers` writers side by side (as requests would), then drained.
    hook.arrived.clear();
    const burst = await measureBurst(phase, { from: 0, events: s.burstEvents, queuedBefore: 0 });
    const burstLatencies = await latencies(db, hook);

    // Steady: `steadyRate` events/s in transactions of PER_TX, on a fixed schedule (not closed-loop).
    hook.arrived.clear();
    const steadyEvents = s.steadyRate * s.steadySeconds;
    const intervalMs = (1000 * PER_TX) / s.steadyRate;
    const writes: Promise<void>[] = [];
    const s0 = performance.now();
    for (let k = 0; k * PER_TX < steadyEvents; k++) {
      const wait = s0 + k * intervalMs - performance.now();
      if (wait > 0) await sleep(wait);
      const from = s.burstEvents + k * PER_TX;
      writes.push(
        db
          .transaction()
          .execute((trx) => recordEvents(trx, probes(from, PER_TX, s.sellers)))
          .then(() => {}),
      );
      // At most a few writers in flight: a writer that cannot keep up shows as a lower written rate.
      if (writes.length >= 8) await writes.shift();
    }
    await Promise.all(writes);
    const writtenPerS = steadyEvents / ((performance.now() - s0) / 1000);
    await arrivedAll(hook, steadyEvents, Date.now() + 600_000);
    const steadyLatencies = await latencies(db, hook, s.burstEvents);

    const backlog = await drainBacklog(s.burstEvents + steadyEvents);
    return {
      bus: bus.kind,
      idleCpuMsPerS: round1(idleCpuMsPerS),
      idleTransactionsPerS: round1(idleTransactionsPerS),
      idleStatementsPerS: round1(idleStatementsPerS),
      burst: {
        ...burst,
        p50: pct(burstLatencies, 0.5),
        p99: pct(burstLatencies, 0.99),
      },
      steady: {
        events: steadyEvents,
        writtenPerS: Math.round(writtenPerS),
        p50: pct(steadyLatencies, 0.5),
        p99: pct(steadyLatencies, 0.99),
        max: steadyLatencies.at(-1) ?? 0,
      },
      backlog,
      duplicates: hook.duplicates(),
      badSignatures: hook.badSignatures(),
    };
  } finally {
    await database.destroy();
    await dropDatabase(s.source, bench);
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Write → delivery of every event that arrived, sorted: from its `occurred_at` (the database's
 * clock at the writing transaction's start, on this host) to its first arrival at the receiver.
 */
async function latencies(
  db: Awaited<ReturnType<typeof openDatabase>>['db'],
  hook: Receiver,
  skipFirst = 0,
): Promise<number[]> {
  const rows = await db
    .selectFrom('outbox_events')
    .select(['id', 'occurred_at'])
    .where('type', '=', 'product.updated')
    .orderBy('position')
    .offset(skipFirst)
    .limit(1_000_000)
    .execute();
  const out: number[] = [];
  for (const { id, occurred_at } of rows) {
    const at = hook.arrived.get(id);
    if (at !== undefined) out.push(at - new Date(occurred_at).getTime());
  }
  return out.sort((a, b) => a - b);
}
