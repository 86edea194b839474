/**
 * Checkout scenario: orders/s and latency of POST /store/carts/{id}/checkout on carts prepared
 * beforehand, every one of which competes for the limited stock of one "hot" variant; afterwards the
 * stock, the order rows and the answers are checked against each other (no overselling, no lost sales).
 */
import { cpus } from 'node:os';
import { cpuSample, cpuUsed, findRedisPid, machineCpuMs } from './cpu-sample.js';
import { BenchError, query } from './lib.js';
import type { TargetCheck } from './measure.js';
import {
  type Buyable,
  type CheckoutRun,
  checkoutAll,
  percentile,
  pickVariants,
  prepareCarts,
} from './shopper.js';

export const TARGET_ORDERS_PER_SEC = 500;
/** Stock of the other variants: large enough never to run out, finite so it can be checked. */
const COLD_STOCK = 1_000_000;
const VARIANTS = 8;

export interface CheckoutSettings {
  workers: number;
  warmupS: number;
  durationS: number;
  maxCarts: number;
  headers: Record<string, string>;
  /** The API process and the bench database's name, whose CPU (and its backends') the run reads from /proc. */
  apiPid?: number;
  dbName?: string;
}

/**
 * CPU per order during the measured run, from /proc: what bounds the rate on a machine whose cores
 * are all busy. `ceilingOrdersPerSec` is what the machine's cores would give at the same CPU per
 * order (API, PostgreSQL and the bench's own client), were nothing else running.
 */
export interface CheckoutCpu {
  apiMs: number;
  postgresMs: number;
  /** The bench process itself: its workers send the checkouts. */
  clientMs: number;
  /** The local Redis server (rate limits, the Socket.IO adapter), when one runs on this machine. */
  redisMs: number;
  /** The rest of the machine's busy time per order (PostgreSQL's own processes, anything else running). */
  otherMs: number;
  /** Share of the machine's CPU time left idle during the run. */
  idleShare: number;
  ceilingOrdersPerSec: number;
}

/** What the bench keeps of the checkout scenario (and writes to bench/results/latest.json). */
export interface CheckoutResult {
  label: string;
  workers: number;
  hotVariant: string;
  warmup: { carts: number; ms: number; ordersPerSec: number };
  prepare: { carts: number; ms: number };
  /** Units of the hot variant at the start of the measured run; every cart wants one, ~2 % go without. */
  hotStock: number;
  elapsedMs: number;
  ordersPerSec: number;
  attemptsPerSec: number;
  /** Latency percentiles of the successful (201) checkouts. */
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  ok: number;
  outOfStock: number;
  other: Record<string, number>;
  serverErrors: number;
  invariants: TargetCheck[];
  target: TargetCheck;
  /** Absent when the API's process cannot be read (not on Linux). */
  cpu?: CheckoutCpu;
}

/** The CPU readings around a run: the API and its database's backends, Redis, the machine, this process. */
async function cpuReading(db: string, s: CheckoutSettings, redisPid: number | undefined) {
  return {
    souk:
      s.apiPid && s.dbName
        ? await cpuSample(db, s.dbName, s.apiPid, redisPid === undefined ? [] : [redisPid])
        : undefined,
    machine: machineCpuMs(),
    self: process.cpuUsage(),
  };
}

/** CPU per order between two readings, or undefined when the API's process was not read. */
function cpuPerOrder(
  a: Awaited<ReturnType<typeof cpuReading>>,
  b: Awaited<ReturnType<typeof cpuReading>>,
  orders: number,
): CheckoutCpu | undefined {
  if (!a.souk || !b.souk || orders === 0) return undefined;
  const used = cpuUsed(a.souk, b.souk);
  const self = process.cpuUsage(a.self);
  const clientMs = (self.user + self.system) / 1000;
  const busy = b.machine.busy - a.machine.busy;
  const idle = b.machine.idle - a.machine.idle;
  const ours = used.api + used.pg + clientMs;
  return {
    apiMs: used.api / orders,
    postgresMs: used.pg / orders,
    clientMs: clientMs / orders,
    redisMs: used.other / orders,
    otherMs: Math.max(0, busy - ours - used.other) / orders,
    idleShare: busy + idle > 0 ? idle / (busy + idle) : 0,
    ceilingOrdersPerSec: ours > 0 ? (cpus().length * 1000 * orders) / ours : 0,
  };
}

/** The CPU line of the run: per order by process, the idle share, and the ceiling they imply. */
export function checkoutCpuLine(c: CheckoutCpu): string {
  const ms = (n: number) => n.toFixed(1);
  return (
    `CPU per order: API ${ms(c.apiMs)} ms, PostgreSQL ${ms(c.postgresMs)} ms, bench client ${ms(c.clientMs)} ms ` +
    `(Redis ${ms(c.redisMs)} ms, the rest of the machine ${ms(c.otherMs)} ms); ${(c.idleShare * 100).toFixed(0)} % of the machine idle; ` +
    `at this CPU per order ${cpus().length} cores allow at most ${c.ceilingOrdersPerSec.toFixed(0)} orders/s`
  );
}

interface StockRow {
  id: string;
  left: number;
  sold: number;
}

/** Stock left and units ever sold (order lines) of each variant. */
async function stockState(db: string, ids: string[]): Promise<Map<string, StockRow>> {
  const rows = await query<StockRow>(
    db,
    `SELECT v.id, v.inventory_quantity AS left,
            coalesce((SELECT sum(l.quantity) FROM order_lines l WHERE l.variant_id = v.id), 0)::int AS sold
       FROM variants v WHERE v.id = ANY($1)`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

async function countOrders(db: string): Promise<number> {
  const [row] = await query<{ n: number }>(db, 'SELECT count(*)::int AS n FROM orders');
  return row?.n ?? 0;
}

async function setStock(db: string, ids: string[], stock: number): Promise<void> {
  await query(db, 'UPDATE variants SET inventory_quantity = $2 WHERE id = ANY($1)', [ids, stock]);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
/** `n` kept within [lo, hi]; the cap wins when lo > hi. */
const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/** Fails the warm-up loudly: if it did not simply succeed, the measured run would not measure checkout. */
function assertClean(run: CheckoutRun, what: string): void {
  if (run.ok === run.attempts) return;
  throw new BenchError(
    `${what}: ${run.ok} of ${run.attempts} checkouts succeeded; others: ${JSON.stringify({ out_of_stock: run.outOfStock, ...run.other })}`,
  );
}

export async function measureCheckout(
  api: string,
  db: string,
  s: CheckoutSettings,
  log: (line: string) => void,
): Promise<CheckoutResult> {
  const variants = await pickVariants(api, s.headers, VARIANTS);
  const [hot, ...cold] = variants as [Buyable, ...Buyable[]];
  const ids = variants.map((v) => v.id);
  // Every cart holds 1 hot unit and 1 unit of one of the other variants, round-robin.
  const items = (i: number) => [hot.id, cold[i % cold.length]?.id ?? hot.id];
  // Adding to a cart checks stock, so everything starts plentiful; the hot stock is cut before the run.
  await setStock(db, ids, COLD_STOCK);
  const initial = await stockState(db, ids);
  log(
    `bench: checkout: hot variant ${hot.sku} + ${cold.length} others from ` +
      `${new Set(variants.map((v) => v.sellerId)).size} sellers, ${s.workers} workers`,
  );

  // Warm-up, which also estimates the rate so the measured run lasts about durationS.
  let t0 = performance.now();
  const warmCarts = await prepareCarts(
    api,
    s.headers,
    clamp(s.warmupS * 150, s.workers * 4, s.maxCarts),
    items,
  );
  log(`bench: checkout: prepared ${warmCarts.length} warm-up carts in ${seconds(performance.now() - t0)}`);
  const warm = await checkoutAll(api, s.headers, warmCarts, s.workers);
  assertClean(warm, 'checkout warm-up');
  const warmRate = warm.ok / (warm.elapsedMs / 1000);
  log(`bench: checkout: warm-up ${warm.ok} orders in ${seconds(warm.elapsedMs)} (${warmRate.toFixed(0)}/s)`);

  const n = clamp(Math.ceil(warmRate * s.durationS * 1.2), s.workers * 10, s.maxCarts);
  t0 = performance.now();
  const carts = await prepareCarts(api, s.headers, n, items);
  const prepareMs = performance.now() - t0;
  log(
    `bench: checkout: prepared ${n.toLocaleString('en-US')} carts in ${seconds(prepareMs)} ` +
      `(${(n / (prepareMs / 1000)).toFixed(0)} carts/s, 4 requests each; cap BENCH_CHECKOUT_MAX_CARTS=${s.maxCarts})`,
  );

  // The last ~2 % of the carts (at least one per worker) find the hot variant sold out.
  const hotStock = Math.max(1, n - Math.max(s.workers, Math.ceil(n * 0.02)));
  await setStock(db, [hot.id], hotStock);
  const atRun = await stockState(db, ids);
  const ordersBefore = await countOrders(db);
  log(`bench: checkout: ${hotStock} units of ${hot.sku} for ${n} carts, checking out…`);
  const redisPid = findRedisPid();
  const cpuBefore = await cpuReading(db, s, redisPid);
  const run = await checkoutAll(api, s.headers, carts, s.workers);
  const cpu = cpuPerOrder(cpuBefore, await cpuReading(db, s, redisPid), run.ok);
  const after = await stockState(db, ids);
  const newOrders = (await countOrders(db)) - ordersBefore;
  const [minRow] = await query<{ min: number }>(
    db,
    'SELECT min(inventory_quantity)::int AS min FROM variants',
  );

  const hotAfter = after.get(hot.id) ?? { id: hot.id, left: Number.NaN, sold: Number.NaN };
  const hotSold = hotAfter.sold - (atRun.get(hot.id)?.sold ?? 0);
  const coldBad = cold.filter((v) => {
    const a = after.get(v.id);
    return !a || a.sold - (initial.get(v.id)?.sold ?? 0) + a.left !== COLD_STOCK;
  });
  const otherCount = Object.values(run.other).reduce((a, b) => a + b, 0);
  const invariants: TargetCheck[] = [
    {
      scenario: 'stock',
      description: `no variant below 0 (lowest stock of any variant: ${minRow?.min})`,
      pass: (minRow?.min ?? -1) >= 0,
    },
    {
      scenario: 'oversell',
      description: `hot variant: ${hotSold} sold + ${hotAfter.left} left = ${hotSold + hotAfter.left} (stock was ${hotStock})`,
      pass: hotSold + hotAfter.left === hotStock,
    },
    {
      scenario: 'oversell',
      description: `other ${cold.length} variants: sold + left = ${COLD_STOCK.toLocaleString('en-US')} each (${coldBad.length} off)`,
      pass: coldBad.length === 0,
    },
    {
      scenario: 'orders',
      description: `201 answers ${run.ok} = orders created during the run ${newOrders}`,
      pass: run.ok === newOrders,
    },
    {
      scenario: 'sold out',
      description: `hot stock sold exactly: 201 ${run.ok} = ${hotStock}, out_of_stock ${run.outOfStock} = ${n - hotStock}`,
      pass: run.ok === hotStock && run.outOfStock === n - hotStock,
    },
    {
      scenario: 'answers',
      description: `no 5xx (${run.serverErrors}), no other answers or errors (${otherCount}: ${JSON.stringify(run.other)})`,
      pass: run.serverErrors === 0 && otherCount === 0,
    },
  ];
  const ordersPerSec = run.ok / (run.elapsedMs / 1000);
  return {
    label: `j. POST /store/carts/{id}/checkout (2 items, hot variant in every cart)`,
    workers: s.workers,
    hotVariant: hot.id,
    warmup: { carts: warmCarts.length, ms: Math.round(warm.elapsedMs), ordersPerSec: Math.round(warmRate) },
    prepare: { carts: n, ms: Math.round(prepareMs) },
    hotStock,
    elapsedMs: Math.round(run.elapsedMs),
    ordersPerSec,
    attemptsPerSec: run.attempts / (run.elapsedMs / 1000),
    p50Ms: percentile(run.okLatenciesMs, 0.5),
    p90Ms: percentile(run.okLatenciesMs, 0.9),
    p99Ms: percentile(run.okLatenciesMs, 0.99),
    maxMs: percentile(run.okLatenciesMs, 1),
    ok: run.ok,
    outOfStock: run.outOfStock,
    other: run.other,
    serverErrors: run.serverErrors,
    invariants,
    target: {
      scenario: 'checkout',
      description: `${ordersPerSec.toFixed(0)} orders/s (target ≥ ${TARGET_ORDERS_PER_SEC})`,
      pass: ordersPerSec >= TARGET_ORDERS_PER_SEC,
    },
    cpu,
  };
}

/** The checkout row as a markdown table. */
export function checkoutTable(r: CheckoutResult): string {
  const other = Object.values(r.other).reduce((a, b) => a + b, 0);
  return [
    '| scenario | orders/s | attempts/s | p50 ms (201) | p99 ms (201) | 201 / 409 out_of_stock | other / 5xx | measured |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${r.label} | ${r.ordersPerSec.toFixed(0)} | ${r.attemptsPerSec.toFixed(0)} | ${r.p50Ms} | ${r.p99Ms} | ` +
      `${r.ok} / ${r.outOfStock} | ${other} / ${r.serverErrors} | ${seconds(r.elapsedMs)} |`,
  ].join('\n');
}
