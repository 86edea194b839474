import autocannon from 'autocannon';

/** Load settings shared by every scenario. */
export interface LoadSettings {
  connections: number;
  warmupS: number;
  durationS: number;
  /** Sent with every request, to the baseline too so both carry the same request bytes. */
  headers: Record<string, string>;
}

/** One benchmarked URL and, for API scenarios, the minimum share of bare Koa throughput it must reach. */
export interface Scenario {
  key: string;
  label: string;
  url: string;
  /** Extra request headers (a conditional GET's If-None-Match). */
  headers?: Record<string, string>;
  /** The status every answer must have (default: any 2xx). */
  status?: number;
  /** A POST scenario (GraphQL): its JSON body and extra headers; absent for GETs. */
  post?: { body: string; headers?: Record<string, string> };
  /** Minimum req/s as a fraction of the bare Koa baseline; absent for the baseline itself. */
  minRatio?: number;
  /** Maximum p99 latency in ms. */
  maxP99Ms?: number;
  /**
   * Key of a bare Koa scenario sending a body of this one's size: its ratio to the baseline is what
   * moving these bytes alone reaches on this machine, printed beside the target as the scenario's ceiling.
   */
  ceilingKey?: string;
  /** Work run beside the load while it is measured (and warmed up); the returned function stops it. */
  during?: () => () => Promise<string>;
}

/** What the bench keeps of an autocannon run (and writes to bench/results/latest.json). */
export interface Measurement {
  key: string;
  label: string;
  url: string;
  reqPerSec: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Mean response size including headers, from throughput / request rate. */
  bytesPerResponse: number;
  requests: number;
  errors: number;
  timeouts: number;
  /** Answers other than 2xx (other than `status` when the scenario names one). */
  non2xx: number;
  statusCodes: Record<string, number>;
  /** What the scenario's `during` work did, in its own words. */
  beside?: string;
}

/**
 * Warms the target up (discarding the numbers, so JIT, connection pools and the database's caches
 * are hot), then measures for `durationS` seconds with `connections` keep-alive connections.
 */
export async function measure(scenario: Scenario, load: LoadSettings): Promise<Measurement> {
  const options = {
    url: scenario.url,
    connections: load.connections,
    headers: { ...load.headers, ...scenario.headers, ...scenario.post?.headers },
    ...(scenario.post ? { method: 'POST' as const, body: scenario.post.body } : {}),
  };
  const stop = scenario.during?.();
  let r: Awaited<ReturnType<typeof autocannon>>;
  let beside: string | undefined;
  try {
    await autocannon({ ...options, duration: load.warmupS });
    r = await autocannon({ ...options, duration: load.durationS });
  } finally {
    beside = await stop?.();
  }
  const statusCodes = Object.fromEntries(
    Object.entries(r.statusCodeStats).map(([code, s]) => [code, s.count]),
  );
  const requests = r.requests.total ?? r['2xx'] + r.non2xx;
  return {
    key: scenario.key,
    label: scenario.label,
    url: scenario.url,
    reqPerSec: r.requests.average,
    p50Ms: r.latency.p50,
    p90Ms: r.latency.p90,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    bytesPerResponse: r.requests.average > 0 ? Math.round(r.throughput.average / r.requests.average) : 0,
    requests,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: scenario.status === undefined ? r.non2xx : requests - (statusCodes[scenario.status] ?? 0),
    statusCodes,
    ...(beside ? { beside } : {}),
  };
}

/** Outcome of one target check. */
export interface TargetCheck {
  scenario: string;
  description: string;
  pass: boolean;
}

/** Compares each API scenario with the baseline (the first measurement) against its targets. */
export function checkTargets(
  scenarios: Scenario[],
  results: Measurement[],
  baselineRps: number,
): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const [i, s] of scenarios.entries()) {
    const m = results[i];
    if (!m) continue;
    const ratio = m.reqPerSec / baselineRps;
    if (s.minRatio !== undefined) {
      const ceiling = results.find((r) => r.key === s.ceilingKey);
      const bytes = ceiling
        ? `; bare Koa sending a body of this size: ${(ceiling.reqPerSec / baselineRps).toFixed(2)}×`
        : '';
      checks.push({
        scenario: s.label,
        description: `req/s ${ratio.toFixed(2)}× bare Koa (target ≥ ${s.minRatio.toFixed(2)}×${bytes})`,
        pass: ratio >= s.minRatio,
      });
    }
    if (s.maxP99Ms !== undefined) {
      // No completed request has no latency to speak of: that is a miss, not a p99 of 0 ms.
      checks.push({
        scenario: s.label,
        description:
          m.requests > 0
            ? `p99 ${m.p99Ms} ms (target ≤ ${s.maxP99Ms} ms)`
            : `no request completed (${m.timeouts} timeouts; target p99 ≤ ${s.maxP99Ms} ms)`,
        pass: m.requests > 0 && m.p99Ms <= s.maxP99Ms,
      });
    }
  }
  return checks;
}

function targetText(s: Scenario, first: boolean): string {
  const parts: string[] = [];
  if (s.minRatio !== undefined) parts.push(`≥ ${s.minRatio.toFixed(2)}×`);
  if (s.maxP99Ms !== undefined) parts.push(`p99 ≤ ${s.maxP99Ms} ms`);
  return parts.length ? parts.join(', ') : first ? 'baseline' : '— (context)';
}

/** Renders the results as a markdown table, one row per scenario, ratios relative to the first row. */
export function markdownTable(scenarios: Scenario[], results: Measurement[]): string {
  const baseline = results[0]?.reqPerSec ?? 0;
  const rows = [
    '| scenario | req/s (mean) | p50 ms | p99 ms | ratio to bare Koa req/s | errors / non-2xx | target |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const [i, s] of scenarios.entries()) {
    const m = results[i];
    if (!m) continue;
    const ratio = baseline > 0 ? (m.reqPerSec / baseline).toFixed(2) : 'n/a';
    const rps = Math.round(m.reqPerSec).toLocaleString('en-US');
    rows.push(
      `| ${s.label} | ${rps} | ${m.p50Ms} | ${m.p99Ms} | ${ratio}× | ${m.errors} / ${m.non2xx} | ${targetText(s, i === 0)} |`,
    );
  }
  return rows.join('\n');
}
