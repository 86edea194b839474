/**
 * `npm run bench:events:delivery`: the webhooks delivery stage alone against its ceiling, in the
 * same process and the same seconds. Each round sends N deliveries with the plugin's sender alone (the
 * bare row of `bench:events`: no database), then queues N pending deliveries in PostgreSQL (shaped as
 * the fan-out queues them) and times the delivery worker draining them to the same receiver. The
 * ratio of the two rates is the share of the sender's rate the worker keeps with its claims and
 * records; at a load where absolute rates swing between runs, the ratio moves much less, since both
 * halves of a round see the same load.
 */
import { cpus, loadavg } from 'node:os';
import { sql } from 'kysely';
import { openDatabase } from '../api/src/db/database.js';
import { migrateToLatest } from '../api/src/db/migrate.js';
import { parseCli } from '../api/src/lib/cli.js';
import { createLogger } from '../api/src/lib/logger.js';
import { webhooksConfig } from '../plugins/webhooks/src/config.js';
import { createDeliveryWorker } from '../plugins/webhooks/src/worker.js';
import { bareDeliveries } from './events-bare.js';
import { insertBenchEndpoints, receiver } from './events-receiver.js';
import { arrivedAll, backendCpu, backendCpuSpent, transactions } from './events-stages.js';
import { benchDatabase, createDatabase, dropDatabase, envInt } from './lib.js';
import { processCpuMs } from './processes.js';

const perThousand = (ms: number, n: number) => Math.round((ms / n) * 1000);

/**
 * The share of each endpoint's drain (first to last arrival, summed over endpoints) spent in pauses
 * longer than 4x that endpoint's median gap between two deliveries: a lane waiting for its next run.
 */
function pausedShare(arrived: Map<string, number>, prefix: string, endpoints: number): number {
  const byEndpoint = Array.from({ length: endpoints }, () => [] as Array<[number, number]>);
  for (const [id, at] of arrived) {
    if (!id.startsWith(prefix)) continue;
    const n = Number(id.slice(id.lastIndexOf('_') + 1));
    byEndpoint[n % endpoints]?.push([n, at]);
  }
  let paused = 0;
  let total = 0;
  for (const list of byEndpoint) {
    list.sort((x, y) => x[0] - y[0]);
    const gaps = list.slice(1).map(([, at], i) => at - (list[i]?.[1] ?? at));
    const median = [...gaps].sort((x, y) => x - y)[Math.floor(gaps.length / 2)] ?? 0;
    for (const gap of gaps) if (gap > 4 * Math.max(median, 1)) paused += gap;
    total += (list.at(-1)?.[1] ?? 0) - (list[0]?.[1] ?? 0);
  }
  return total > 0 ? paused / total : 0;
}

async function main() {
  parseCli({
    name: 'bench:events:delivery',
    command: 'npm run bench:events:delivery --',
    description:
      "The webhooks delivery worker draining queued deliveries, against the plugin's sender alone\n" +
      'to the same receiver, in alternating halves of each round (see bench/findings/events.md).',
    options: {},
    environment: {
      DATABASE_URL: 'PostgreSQL server to create the bench database on (required).',
      BENCH_DATABASE: 'Database created and dropped for the run (default souk_bench_delivery).',
      BENCH_EVENTS: 'Deliveries per round (default 5000).',
      BENCH_EVENT_SELLERS: 'Endpoints, one per seller (default 20); the worker runs as many lanes.',
      BENCH_ROUNDS: 'Rounds, each the sender alone then the worker (default 4).',
    },
  });
  const source = process.env.DATABASE_URL;
  if (!source) throw new Error('bench:events:delivery needs DATABASE_URL');
  const events = envInt('BENCH_EVENTS', 5_000);
  const sellers = envInt('BENCH_EVENT_SELLERS', 20);
  const rounds = envInt('BENCH_ROUNDS', 4);
  const bench = benchDatabase(source, process.env.BENCH_DATABASE || 'souk_bench_delivery');
  await createDatabase(source, bench);
  const logger = createLogger('warn');
  let statements = 0;
  const database = await openDatabase({ url: bench.url, poolSize: 20, logger, onQuery: () => statements++ });
  const db = database.db;
  const hook = await receiver();
  const load0 = loadavg();
  const rows: string[] = [];
  try {
    await migrateToLatest(db);
    await insertBenchEndpoints(db, hook, sellers);
    const config = webhooksConfig.parse({
      ...process.env,
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      WEBHOOK_CONCURRENCY: process.env.WEBHOOK_CONCURRENCY || String(sellers),
    });
    const bareRun = { events, endpoints: sellers, lanes: config.WEBHOOK_CONCURRENCY };
    // Once unmeasured: the first thousands of requests of a process run cold.
    await bareDeliveries(hook, { ...bareRun, round: 0 });
    for (let round = 1; round <= rounds; round++) {
      hook.arrived.clear();
      const bare = await bareDeliveries(hook, { ...bareRun, round });
      // The receiver reports arrivals every 5 ms: let the last of the sender's come in.
      await new Promise((r) => setTimeout(r, 100));
      const barePaused = pausedShare(hook.arrived, `evt_bare${round}_`, sellers);
      hook.arrived.clear();
      await sql`
        INSERT INTO webhook_deliveries
          (id, endpoint_id, event_id, event_type, event_position, payload, status, next_attempt_at)
        SELECT 'whd_w' || ${round}::int || '_' || g, 'whe_bench' || (g % ${sellers}::int), e.id,
          'product.updated', g,
          jsonb_build_object('id', e.id, 'type', 'product.updated', 'version', 1,
            'occurred_at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
            'seller_id', 'sel_bench' || (g % ${sellers}::int), 'actor', '{"type":"system"}'::jsonb,
            'data', jsonb_build_object('product_id', 'prod_bench' || (g % 500), 'n', g)),
          'pending', now()
        FROM generate_series(0, ${events - 1}::int) g
        CROSS JOIN LATERAL (SELECT 'evt_w' || ${round}::int || '_' || lpad(g::text, 20, '0') AS id) e
      `.execute(db);
      const xacts0 = await transactions(db);
      const pg0 = await backendCpu(db);
      const receiver0 = processCpuMs(hook.pid);
      const statements0 = statements;
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const worker = createDeliveryWorker({ db, config, logger });
      worker.start();
      await arrivedAll(hook, events, Date.now() + 600_000);
      const seconds = (performance.now() - t0) / 1000;
      const paused = pausedShare(hook.arrived, `evt_w${round}_`, sellers);
      await worker.stop();
      const cpu = process.cpuUsage(cpu0);
      const receiverMs = (processCpuMs(hook.pid) ?? 0) - (receiver0 ?? 0);
      const pgMs = backendCpuSpent(pg0, await backendCpu(db));
      const xacts = (await transactions(db)) - xacts0;
      const { n } = (
        await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM webhook_deliveries WHERE status = 'succeeded' AND id LIKE ${`whd_w${round}_%`}
        `.execute(db)
      ).rows[0] ?? { n: 0 };
      if (n !== events) throw new Error(`round ${round}: ${n} of ${events} deliveries recorded as succeeded`);
      const perS = Math.round(events / seconds);
      rows.push(
        `| ${round} | ${bare.perS} | ${bare.cpuMsPerThousand} | ${perS} | ${(perS / bare.perS).toFixed(2)} | ${perThousand((cpu.user + cpu.system) / 1000, events)} | ${perThousand(receiverMs, events)} | ${pgMs === null ? '—' : perThousand(pgMs, events)} | ${perThousand(xacts, events)} | ${((statements - statements0) / events).toFixed(3)} | ${Math.round(barePaused * 100)} % / ${Math.round(paused * 100)} % |`,
      );
      console.log(rows.at(-1));
    }
  } finally {
    await hook.close();
    await database.destroy();
    await dropDatabase(source, bench);
  }
  const fmt = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
  console.log(
    `\nbench:events:delivery — ${events} deliveries to ${sellers} endpoints per round, ${cpus().length} CPUs, load average ${fmt(load0)} at start, ${fmt(loadavg())} at end\n`,
  );
  console.log(
    '| round | sender alone /s | its CPU ms / 1,000 | worker /s | worker / sender | worker process CPU ms / 1,000 | receiver | PostgreSQL | PG transactions / 1,000 | statements / delivery | lanes paused: sender / worker |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(r);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
