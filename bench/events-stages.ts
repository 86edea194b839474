/**
 * Where a burst of `npm run bench:events` spends its time: when each stage of the pipeline had all the
 * burst's events behind it (written, relayed, queued as deliveries by the webhooks plugin, delivered),
 * and what the process spent per event. The stage that finishes long after the one before it is the
 * bottleneck.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../api/src/db/schema.js';
import type { Relay } from '../api/src/modules/events/index.js';
import type { Receiver } from './events-receiver.js';
import { processCpuMs } from './processes.js';

/** Milliseconds from the burst's first write until each stage had every event of the burst. */
export interface StageTimes {
  writtenMs: number;
  relayedMs: number;
  queuedMs: number;
  deliveredMs: number;
}

/** Per-stage rates (events / time until that stage was done), in events/s. */
export const stageRates = (events: number, t: StageTimes) => ({
  written: t.writtenMs > 0 ? Math.round(events / (t.writtenMs / 1000)) : 0,
  relayed: Math.round(events / (t.relayedMs / 1000)),
  queued: Math.round(events / (t.queuedMs / 1000)),
  delivered: Math.round(events / (t.deliveredMs / 1000)),
});

/** A burst's figures: rates by stage, and what it cost this process. */
export interface BurstResult {
  events: number;
  relayPerS: number;
  endToEndPerS: number;
  /** When each stage had the whole burst, from the first write (or the relay's start); the rates that gives. */
  stagesMs: StageTimes;
  stagesPerS: ReturnType<typeof stageRates>;
  /** This process's CPU (writers, relay, consumer, runner, worker) per 1,000 events. */
  cpuMsPerThousand: number;
  /** The receiver's process (HTTP server, signature checks) per 1,000 events. */
  receiverCpuMsPerThousand: number | null;
  /**
   * CPU of the PostgreSQL backends serving the bench database per 1,000 events (from /proc; null when
   * the server is not on this host). With the process's, what an event costs whatever the load.
   */
  pgCpuMsPerThousand: number | null;
  /**
   * CPU of the Kafka broker's process per 1,000 events (from /proc; null on the embedded bus or when
   * the broker is not on this host). A shared broker: other users' traffic counts too.
   */
  brokerCpuMsPerThousand: number | null;
  /** Statements this process sent to PostgreSQL per event (the writers' included, the watcher's not). */
  statementsPerEvent: number;
  /**
   * Transactions committed or rolled back in the bench database per 1,000 events (pg_stat_database:
   * the writers', relay's, runner's and worker's; not the stage watcher's reads).
   */
  transactionsPerThousand: number;
  eventsPerRelayBatch: number;
}

export interface Phase {
  db: Kysely<Database>;
  hook: Receiver;
  relay: Relay;
  statements: () => number;
  writers: number;
  perTx: number;
  write: (from: number, count: number) => Promise<void>;
  /** The Kafka broker's local process, when there is one. */
  brokerPid?: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** CPU ms so far of each backend connected to this database (those whose /proc entry is readable). */
export async function backendCpu(db: Kysely<Database>): Promise<Map<number, number> | null> {
  const { rows } = await sql<{ pid: number }>`
    SELECT pid FROM pg_stat_activity WHERE datname = current_database()
  `.execute(db);
  const out = new Map<number, number>();
  for (const { pid } of rows) {
    const ms = processCpuMs(pid);
    if (ms === undefined) return null;
    out.set(pid, ms);
  }
  return out;
}

/** Transactions committed or rolled back in this database so far (as far as the statistics say). */
export async function transactions(db: Kysely<Database>): Promise<number> {
  // Statistics are flushed by each backend when it goes idle, at most once a second.
  await new Promise((r) => setTimeout(r, 1_100));
  const { rows } = await sql<{ n: string }>`
    SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()
  `.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** CPU ms the backends spent between two readings (a backend that appeared counts whole). */
export function backendCpuSpent(before: Map<number, number> | null, after: Map<number, number> | null) {
  if (!before || !after) return null;
  let ms = 0;
  for (const [pid, t] of after) ms += t - (before.get(pid) ?? 0);
  return ms;
}

/** Resolves once `count` distinct events arrived at the receiver; throws after `deadline`. */
export async function arrivedAll(hook: Receiver, count: number, deadline: number): Promise<void> {
  while (hook.arrived.size < count) {
    // A refused signature is retried a minute later: fail the run now instead.
    if (hook.badSignatures() > 0) throw new Error(`${hook.badSignatures()} deliveries had a bad signature`);
    if (Date.now() > deadline) throw new Error(`only ${hook.arrived.size} of ${count} delivered in time`);
    await sleep(10);
  }
}

/**
 * Writes `events` events (from number `from`) and waits until all arrived. With `backlog` they are
 * written while the relay is stopped and the clock starts when it starts: the pipeline's own rate.
 */
export async function measureBurst(
  p: Phase,
  o: { from: number; events: number; queuedBefore: number; backlog?: boolean },
): Promise<BurstResult> {
  p.hook.arrived.clear();
  const pgBefore = await backendCpu(p.db);
  // The other processes' CPU so far: the broker's (when on Kafka) and the receiver's.
  const others = () => ({
    broker: p.brokerPid === undefined ? undefined : processCpuMs(p.brokerPid),
    receiver: processCpuMs(p.hook.pid),
  });
  const othersBefore = others();
  const before = {
    cpu: process.cpuUsage(),
    statements: p.statements(),
    relay: p.relay.stats(),
    xacts: await transactions(p.db),
  };
  let t0 = Date.now();
  await writeConcurrently(Math.ceil(o.events / p.perTx), p.writers, (k) =>
    p.write(o.from + k * p.perTx, Math.min(p.perTx, o.events - k * p.perTx)),
  );
  const writtenMs = o.backlog ? 0 : Date.now() - t0;
  const cpu0 = o.backlog ? process.cpuUsage() : before.cpu;
  const pg0 = o.backlog ? await backendCpu(p.db) : pgBefore;
  const statements0 = o.backlog ? p.statements() : before.statements;
  const xacts0 = o.backlog ? await transactions(p.db) : before.xacts;
  const { broker: broker0, receiver: receiver0 } = o.backlog ? others() : othersBefore;
  if (o.backlog) {
    t0 = Date.now();
    p.relay.start();
  }
  const arrived = () => p.hook.arrived.size >= o.events;
  const watching = watchStages(p.db, t0, o.queuedBefore + o.events, arrived);
  await arrivedAll(p.hook, o.events, t0 + 600_000);
  const deliveredMs = Date.now() - t0;
  const seen = await watching;
  const cpu = process.cpuUsage(cpu0);
  const pgMs = backendCpuSpent(pg0, await backendCpu(p.db));
  const { broker: broker1, receiver: receiver1 } = others();
  const brokerMs = broker0 === undefined || broker1 === undefined ? null : broker1 - broker0;
  const receiverMs = receiver0 === undefined || receiver1 === undefined ? null : receiver1 - receiver0;
  const after = p.relay.stats();
  const stagesMs: StageTimes = {
    writtenMs,
    relayedMs: seen.relayedAt ?? deliveredMs,
    queuedMs: seen.queuedAt ?? deliveredMs,
    deliveredMs,
  };
  const rates = stageRates(o.events, stagesMs);
  return {
    events: o.events,
    relayPerS: rates.relayed,
    endToEndPerS: rates.delivered,
    stagesMs,
    stagesPerS: rates,
    cpuMsPerThousand: round1(((cpu.user + cpu.system) / 1000 / o.events) * 1000),
    receiverCpuMsPerThousand: receiverMs === null ? null : round1((receiverMs / o.events) * 1000),
    pgCpuMsPerThousand: pgMs === null ? null : round1((pgMs / o.events) * 1000),
    brokerCpuMsPerThousand: brokerMs === null ? null : round1((brokerMs / o.events) * 1000),
    // Without the watcher's own reads (one statement, one transaction each).
    statementsPerEvent: Math.round(((p.statements() - statements0 - seen.reads) / o.events) * 100) / 100,
    transactionsPerThousand: round1((((await transactions(p.db)) - xacts0 - seen.reads) / o.events) * 1000),
    eventsPerRelayBatch: round1(
      (after.published - before.relay.published) / Math.max(1, after.batches - before.relay.batches),
    ),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Watches the outbox and the delivery queue every `everyMs` until `done()` says the burst arrived;
 * resolves with when nothing was left unpublished and when `deliveries` deliveries were queued.
 */
export async function watchStages(
  db: Kysely<Database>,
  t0: number,
  deliveries: number,
  done: () => boolean,
  everyMs = 25,
): Promise<{ relayedAt?: number; queuedAt?: number; reads: number }> {
  let relayedAt: number | undefined;
  let queuedAt: number | undefined;
  let reads = 0;
  while (!done() && (relayedAt === undefined || queuedAt === undefined)) {
    reads++;
    const row = await db
      .selectNoFrom((eb) => [
        eb
          .selectFrom('outbox_events')
          .select((e) => e.fn.countAll<string>().as('n'))
          .where('published_at', 'is', null)
          .as('unpublished'),
        eb
          .selectFrom('webhook_deliveries')
          .select((e) => e.fn.countAll<string>().as('n'))
          .as('queued'),
      ])
      .executeTakeFirstOrThrow();
    const now = Date.now() - t0;
    if (relayedAt === undefined && Number(row.unpublished) === 0) relayedAt = now;
    if (queuedAt === undefined && Number(row.queued) >= deliveries) queuedAt = now;
    await sleep(everyMs);
  }
  return { relayedAt, queuedAt, reads };
}

/** Runs `count` writes with `writers` of them in flight at a time; resolves when all committed. */
export async function writeConcurrently(
  count: number,
  writers: number,
  write: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next < count) await write(next++);
    }),
  );
}
