/**
 * `npm run bench:events`: domain events end to end on real PostgreSQL — from committed outbox rows,
 * through the relay and the bus (embedded, and Kafka when KAFKA_BROKERS is set), through the webhooks
 * plugin, to signed HTTP deliveries at a local receiver that checks their signatures — against a bare
 * baseline (the same deliveries sent by the plugin's sender alone, no database: `events-bare.ts`), with issue 14's targets printed as PASS/MISS per bus and the run
 * recorded in bench/results/events.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseCli } from '../api/src/lib/cli.js';
import { type BareResult, bareDeliveries } from './events-bare.js';
import { type BusResult, type PipelineSettings, runBus } from './events-pipeline.js';
import { receiver } from './events-receiver.js';
import { envInt, machine } from './lib.js';

/** Issue 14's targets for events. */
const TARGETS = { endToEndPerS: 2_000, steadyP99Ms: 2_000 } as const;

const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

function report(rows: BusResult[], settings: PipelineSettings, baseline: BareResult, load: number[][]) {
  const fmt = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
  console.log(
    `\nbench:events — ${settings.sellers} sellers each with one endpoint, ${cpus().length} CPUs, load average ${fmt(load[0] ?? [])} at start, ${fmt(load[1] ?? [])} at end (1/5/15 min)\n`,
  );
  console.log(
    `Burst: ${settings.burstEvents} events committed ${settings.burstPerTx} per transaction by ${settings.writers} writers side by side, then drained.\n`,
  );
  console.log('| path | relay events/s | end-to-end events/s | write → delivery p50 | p99 |');
  console.log('|---|---:|---:|---:|---:|');
  console.log(
    `| bare: the delivery worker's sender, no database (${baseline.lanes} lanes; CPU ms / 1,000: sender ${baseline.cpuMsPerThousand}, receiver ${baseline.receiverCpuMsPerThousand ?? '—'}) | — | ${baseline.perS} | — | — |`,
  );
  for (const r of settings.backlogOnly ? [] : rows) {
    const b = r.burst;
    console.log(
      `| outbox → ${r.bus} bus → webhooks plugin → receiver | ${b.relayPerS} | ${b.endToEndPerS} | ${b.p50} ms | ${b.p99} ms |`,
    );
  }
  console.log(
    "\nBy stage (ms from the first write — for the backlog, from the relay's start with every event already written — until the stage had every event; events/s that gives):\n",
  );
  console.log(
    '| bus | written | relayed | queued by the plugin | delivered | events per relay batch | CPU ms / 1,000 events: pipeline process | receiver process | PostgreSQL | Kafka broker | statements / event | PG transactions / 1,000 events |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const phases = [
      ['burst', r.burst],
      ['backlog', r.backlog],
    ] as const;
    for (const [label, b] of settings.backlogOnly ? phases.slice(1) : phases) {
      const { stagesMs: t, stagesPerS: v } = b;
      const written = label === 'burst' ? `${t.writtenMs} (${v.written}/s)` : 'before the relay started';
      console.log(
        `| ${r.bus} ${label} | ${written} | ${t.relayedMs} (${v.relayed}/s) | ${t.queuedMs} (${v.queued}/s) | ${t.deliveredMs} (${v.delivered}/s) | ${b.eventsPerRelayBatch} | ${b.cpuMsPerThousand} | ${b.receiverCpuMsPerThousand ?? '—'} | ${b.pgCpuMsPerThousand ?? '—'} | ${b.brokerCpuMsPerThousand ?? '—'} | ${b.statementsPerEvent} | ${b.transactionsPerThousand} |`,
      );
    }
  }
  if (settings.backlogOnly) return [];
  console.log(
    `\nSteady: ${settings.steadyRate} events/s for ${settings.steadySeconds} s on a fixed schedule.\n`,
  );
  console.log('| bus | written events/s | write → delivery p50 | p99 | max |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of rows) {
    const s = r.steady;
    console.log(`| ${r.bus} | ${s.writtenPerS} | ${s.p50} ms | ${s.p99} ms | ${s.max} ms |`);
  }
  console.log(
    `\nIdle for ${settings.idleSeconds} s (relay, bus consumer, plugin runner, delivery worker):\n`,
  );
  console.log('| bus | CPU ms/s | PG transactions/s | statements/s | duplicate deliveries |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.bus} | ${r.idleCpuMsPerS} | ${r.idleTransactionsPerS} | ${r.idleStatementsPerS} | ${r.duplicates} |`,
    );
  }
  console.log('\nTargets (issue 14):');
  const checks = rows.flatMap((r) => [
    {
      bus: r.bus,
      target: `end to end ≥ ${TARGETS.endToEndPerS} events/s`,
      value: r.burst.endToEndPerS,
      pass: r.burst.endToEndPerS >= TARGETS.endToEndPerS,
    },
    {
      bus: r.bus,
      target: `backlog outbox → receiver ≥ ${TARGETS.endToEndPerS} events/s`,
      value: r.backlog.endToEndPerS,
      pass: r.backlog.endToEndPerS >= TARGETS.endToEndPerS,
    },
    {
      bus: r.bus,
      target: `write → delivery p99 ≤ ${TARGETS.steadyP99Ms} ms at ${settings.steadyRate} events/s`,
      value: r.steady.p99,
      pass: r.steady.p99 <= TARGETS.steadyP99Ms && r.steady.writtenPerS >= settings.steadyRate * 0.95,
    },
  ]);
  for (const c of checks) console.log(`  ${verdict(c.pass)}  ${c.bus}: ${c.target} (${c.value})`);
  return checks;
}

async function main(): Promise<void> {
  parseCli({
    name: 'bench:events',
    command: 'npm run bench:events --',
    description:
      'Measures domain events end to end (outbox → relay → bus → webhooks plugin → signed deliveries to a\n' +
      "local receiver that checks their signatures) against the delivery worker's sender alone (no database)\n" +
      'to the same receiver, on real PostgreSQL (its own database):\n' +
      'a burst (events/s, and when each stage was done), a steady rate (write → delivery latency) and the idle cost, on the embedded bus\n' +
      'and on Kafka when KAFKA_BROKERS is set. Records the run in bench/results/events.json.',
    options: {},
    environment: {
      DATABASE_URL: 'PostgreSQL server (required).',
      KAFKA_BROKERS: 'Also measure the Kafka bus.',
      BENCH_DATABASE: 'Database created and dropped for the run (default souk_bench_events).',
      BENCH_EVENTS: 'Events of the burst (default 5000).',
      BENCH_EVENT_WRITERS: 'Writers committing the burst side by side (default 4).',
      BENCH_EVENTS_PER_TX:
        'Events per transaction of the burst and backlog writes (default 50, a bulk write such as an import: 5 a request, bound the burst by its writers).',
      BENCH_EVENT_SELLERS: 'Sellers, each with one endpoint (default 20).',
      BENCH_EVENTS_RATE: 'Events/s of the steady phase (default 500).',
      BENCH_EVENTS_STEADY_S: 'Seconds of the steady phase (default 10).',
      BENCH_EVENTS_IDLE_S: 'Seconds of the idle measurement (default 10).',
      BENCH_EVENTS_BACKLOG_ONLY:
        'Set to 1 for the backlog phase alone (profiling, before/after rounds): no burst, steady or idle figures.',
    },
  });
  const source = process.env.DATABASE_URL;
  if (!source) {
    process.stderr.write(
      'bench:events needs DATABASE_URL (scripts/services up postgres; eval $(scripts/services env))\n',
    );
    process.exit(2);
  }
  const loadAtStart = loadavg();
  const database = process.env.BENCH_DATABASE || 'souk_bench_events';
  const settings: PipelineSettings = {
    source,
    database,
    kafka: undefined,
    burstEvents: envInt('BENCH_EVENTS', 5_000),
    writers: envInt('BENCH_EVENT_WRITERS', 4),
    burstPerTx: envInt('BENCH_EVENTS_PER_TX', 50),
    sellers: envInt('BENCH_EVENT_SELLERS', 20),
    steadyRate: envInt('BENCH_EVENTS_RATE', 500),
    steadySeconds: envInt('BENCH_EVENTS_STEADY_S', 10),
    idleSeconds: envInt('BENCH_EVENTS_IDLE_S', 10),
    backlogOnly: process.env.BENCH_EVENTS_BACKLOG_ONLY === '1',
  };
  const hook = await receiver();
  const bareRun = {
    events: settings.burstEvents,
    endpoints: settings.sellers,
    // As many lanes as the pipeline's delivery worker runs (runBus sets the same).
    lanes: Number(process.env.WEBHOOK_CONCURRENCY || settings.sellers),
  };
  // Once unmeasured: the first thousands of requests of a process run cold (3-4x the CPU).
  await bareDeliveries(hook, { ...bareRun, round: 0 });
  const baseline = await bareDeliveries(hook, { ...bareRun, round: 1 });
  const rows: BusResult[] = [await runBus(settings, hook)];
  const kafka = process.env.KAFKA_BROKERS;
  if (kafka) rows.push(await runBus({ ...settings, kafka, database: `${database}_kafka` }, hook));
  await hook.close();
  const loadAtEnd = loadavg();
  const checks = report(rows, settings, baseline, [loadAtStart, loadAtEnd]);
  const out = join(import.meta.dirname, 'results', 'events.json');
  mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
  const { source: _, ...recorded } = settings;
  const record = {
    ...machine(),
    loadAverageAtStart: loadAtStart,
    loadAverageAtEnd: loadAtEnd,
    settings: { ...recorded, kafka: kafka ? 'KAFKA_BROKERS' : undefined },
    bare: baseline,
    results: rows,
    targets: checks,
  };
  writeFileSync(out, `${JSON.stringify(record, null, 2)}\n`);
  console.log(`\nrecorded in ${out}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
