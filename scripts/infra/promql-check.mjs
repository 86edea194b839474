#!/usr/bin/env node
// Runs the compiled API (api/dist, `npm run build` first) on embedded PGlite, drives a little real
// traffic through it (catalog reads, a webhook endpoint with a local receiver, a placed and a rejected
// checkout, an unknown path), starts a real Prometheus that scrapes it and evaluates the rules, then
// executes every PromQL expression of the rules and of the Grafana dashboards through
// /api/v1/query. Fails on any query error, any rule Prometheus reports unhealthy, or a metric
// family the dashboards rely on that the API does not expose.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const apiPort = Number(process.env.PROMQL_CHECK_API_PORT ?? 47_311);
const promPort = Number(process.env.PROMQL_CHECK_PROM_PORT ?? 47_312);
const api = `http://127.0.0.1:${apiPort}`;
const prom = `http://127.0.0.1:${promPort}`;
const work = mkdtempSync(join(tmpdir(), 'souk-promql-'));
const children = [];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function waitFor(label, check, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch {}
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await sleep(500);
  }
}
function start(cmd, args, env, logName) {
  const child = spawn(cmd, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = [];
  child.stdout.on('data', (d) => log.push(d));
  child.stderr.on('data', (d) => log.push(d));
  child.on('exit', (code) => {
    if (code && !child.stopping) {
      console.error(`${logName} exited with ${code}:\n${Buffer.concat(log).toString().slice(-3000)}`);
    }
  });
  children.push(child);
  return child;
}
function stopAll() {
  for (const c of children) {
    c.stopping = true;
    c.kill('SIGTERM');
  }
}

async function json(method, path, body, key = 'pk_demo_storefront', headers = {}) {
  const res = await fetch(api + path, {
    method,
    headers: { 'x-api-key': key, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: await res.json().catch(() => null) };
}

async function traffic() {
  const receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200).end('ok'));
  });
  await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
  const hookUrl = `http://127.0.0.1:${receiver.address().port}/hooks`;
  const ep = await json(
    'POST',
    '/seller/webhook-endpoints',
    { url: hookUrl, event_types: ['seller_order.placed'] },
    'sk_demo_seller_1',
  );
  if (ep.status !== 201) throw new Error(`webhook endpoint: ${ep.status} ${JSON.stringify(ep.body)}`);
  const products = await json('GET', '/store/products?limit=50');
  for (let i = 0; i < 5; i++) await json('GET', '/store/products?limit=5');
  await json('GET', '/store/no-such-path');
  let placed = 0;
  for (const p of products.body?.data ?? []) {
    const variant = p.variants?.find((v) => v.available !== false);
    if (!variant || placed >= 3) continue;
    const cart = await json('POST', '/store/carts', { currency: 'USD' });
    if (cart.status !== 201) continue;
    const item = await json('POST', `/store/carts/${cart.body.id}/items`, {
      variant_id: variant.id,
      quantity: 1,
    });
    if (item.status >= 300) continue;
    await json('PATCH', `/store/carts/${cart.body.id}`, {
      email: 'ci@example.com',
      shipping_address: {
        name: 'CI',
        line1: '1 Test Way',
        city: 'Berlin',
        postal_code: '10115',
        country: 'DE',
      },
    });
    const out = await json(
      'POST',
      `/store/carts/${cart.body.id}/checkout`,
      { payment_method: 'pm_card_visa' },
      undefined,
      {
        'idempotency-key': `ci-${cart.body.id}`,
      },
    );
    if (out.status === 201) placed++;
    // The same cart again under another key: rejected with a problem code.
    await json(
      'POST',
      `/store/carts/${cart.body.id}/checkout`,
      { payment_method: 'pm_card_visa' },
      undefined,
      {
        'idempotency-key': `ci-again-${cart.body.id}`,
      },
    );
  }
  if (placed === 0) throw new Error('traffic: no checkout succeeded');
  return { receiver, placed };
}

function dashboardQueries() {
  const dir = join(root, 'infra/observability/grafana/dashboards');
  const out = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const dash = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    for (const p of dash.panels ?? []) {
      for (const t of p.targets ?? []) out.push({ where: `${file}: ${p.title}`, expr: t.expr });
    }
  }
  return out;
}

async function main() {
  const started = Date.now();
  start(
    'node',
    ['--conditions=souk-dist', 'api/dist/main.js'],
    {
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      PGLITE_DIR: join(work, 'pglite'),
      DATABASE_URL: '',
      KAFKA_BROKERS: '',
      LOG_LEVEL: 'warn',
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      WEBHOOK_POLL_MS: '50',
      RELAY_POLL_MS: '50',
    },
    'compiled API',
  );
  const ready = await waitFor('the compiled API to answer /ready', async () => {
    const res = await fetch(`${api}/ready`);
    return res.ok ? res.json() : undefined;
  });
  console.log(
    `promql-check: compiled API ready after ${Math.round((Date.now() - started) / 1000)} s (${ready.database.driver})`,
  );

  const rulesDir = join(root, 'infra/observability/prometheus/rules');
  writeFileSync(
    join(work, 'prometheus.yml'),
    [
      'global: {scrape_interval: 1s, evaluation_interval: 1s}',
      'rule_files:',
      ...readdirSync(rulesDir).map((f) => `  - ${join(rulesDir, f)}`),
      'scrape_configs:',
      '  - job_name: souk-api',
      `    static_configs: [{targets: ["127.0.0.1:${apiPort}"]}]`,
      '',
    ].join('\n'),
  );
  start(
    'prometheus',
    [
      `--config.file=${join(work, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(work, 'tsdb')}`,
      `--web.listen-address=127.0.0.1:${promPort}`,
    ],
    {},
    'prometheus',
  );

  const { receiver, placed } = await traffic();
  await waitFor(
    'webhook deliveries to be attempted',
    async () => {
      const text = await (await fetch(`${api}/metrics`)).text();
      return /souk_webhook_deliveries_total\{outcome="succeeded"\} [1-9]/.test(text);
    },
    60_000,
  );
  // Scrapes on both sides of the traffic and a few rule evaluations.
  await waitFor(
    'Prometheus to scrape the API',
    async () => {
      const r = await (await fetch(`${prom}/api/v1/targets`)).json();
      return r.data.activeTargets.every((t) => t.health === 'up') && r.data.activeTargets.length > 0;
    },
    60_000,
  );
  await sleep(6_000);

  const failures = [];
  // Every rule as Prometheus loaded it: its health after evaluating against live data, then its query.
  // Groups evaluate on their own interval (the recording group's is 30 s): wait until each rule ran once.
  const rules = await waitFor(
    'every rule group to be evaluated once',
    async () => {
      const all = (await (await fetch(`${prom}/api/v1/rules`)).json()).data.groups.flatMap((g) => g.rules);
      return all.length > 0 && all.every((r) => r.health !== 'unknown') ? all : undefined;
    },
    120_000,
  );
  const queries = [
    ...rules.map((r) => ({
      where: `rule ${r.name}`,
      expr: r.query,
      health: r.health,
      lastError: r.lastError,
    })),
    ...dashboardQueries(),
  ];
  for (const r of queries) {
    if (r.health && r.health !== 'ok') failures.push(`${r.where}: rule health ${r.health}: ${r.lastError}`);
  }
  let empty = 0;
  for (const q of queries) {
    const expr = q.expr.replaceAll('$__rate_interval', '30s');
    const res = await fetch(`${prom}/api/v1/query?${new URLSearchParams({ query: expr })}`);
    const body = await res.json().catch(() => ({ status: 'error', error: `HTTP ${res.status}` }));
    if (body.status !== 'success')
      failures.push(`${q.where}: ${body.errorType ?? ''} ${body.error}\n    ${expr}`);
    else if (body.data.result.length === 0) empty++;
  }
  // The families the dashboards and alerts read must exist after this traffic.
  const names = new Set((await (await fetch(`${prom}/api/v1/label/__name__/values`)).json()).data);
  const expected = [
    'souk_http_requests_total',
    'souk_http_request_duration_seconds_bucket',
    'souk_db_query_duration_seconds_bucket',
    'souk_db_pool_connections',
    'souk_db_read_lane_connections',
    'souk_outbox_oldest_unpublished_age_seconds',
    'souk_relay_published_events_total',
    'souk_plugin_events_total',
    'souk_plugin_consumer_lag_seconds',
    'souk_webhook_deliveries_total',
    'souk_webhook_delivery_duration_seconds_bucket',
    'souk_checkouts_total',
    'souk_orders_total',
    'souk_gmv_minor_units_total',
    'souk_cache_requests_total',
    'nodejs_eventloop_lag_p99_seconds',
    'process_resident_memory_bytes',
  ];
  for (const n of expected) if (!names.has(n)) failures.push(`metric family ${n} was not scraped`);

  receiver.close();
  stopAll();
  const seconds = Math.round((Date.now() - started) / 1000);
  if (failures.length > 0) {
    console.error(`promql-check: ${failures.length} failure(s):\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  } else {
    console.log(
      `promql-check: ${queries.length} expressions (${rules.length} rules, ${queries.length - rules.length} dashboard queries) ` +
        `executed without error against a live Prometheus (${empty} empty for lack of matching traffic); ` +
        `${placed} checkouts placed; ${expected.length} metric families present; ${seconds} s`,
    );
  }
}

main()
  .catch((err) => {
    console.error(`promql-check: ${err.stack ?? err}`);
    process.exitCode = 1;
    stopAll();
  })
  .finally(() => setTimeout(() => rmSync(work, { recursive: true, force: true }), 500));
