#!/usr/bin/env node
// Writes the provisioned Grafana dashboards (grafana/dashboards/*.json) from the definitions below,
// so panels stay uniform and every query lives in one readable place. `--check` fails when the
// committed JSON differs (the infra check runs it, and executes every query against a real Prometheus).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ds = { type: 'prometheus', uid: 'prometheus' };
const R = '$__rate_interval';

/** A panel: `q` is one query or [expr, legend] pairs. */
function panel(title, unit, q, { type = 'timeseries', w = 12, h = 8 } = {}) {
  const queries = typeof q === 'string' ? [[q, '']] : q;
  return {
    type,
    title,
    datasource: ds,
    fieldConfig: { defaults: { unit }, overrides: [] },
    options: type === 'stat' ? { reduceOptions: { calcs: ['lastNotNull'] }, colorMode: 'value' } : {},
    targets: queries.map(([expr, legendFormat], i) => ({
      datasource: ds,
      expr,
      legendFormat,
      refId: String.fromCharCode(65 + i),
    })),
    w,
    h,
  };
}

function dashboard(uid, title, panels) {
  let x = 0;
  let y = 0;
  let rowH = 0;
  return {
    uid,
    title,
    tags: ['souk'],
    timezone: 'utc',
    schemaVersion: 39,
    version: 1,
    refresh: '30s',
    time: { from: 'now-6h', to: 'now' },
    templating: { list: [] },
    panels: panels.map(({ w, h, ...p }, id) => {
      if (x + w > 24) {
        x = 0;
        y += rowH;
        rowH = 0;
      }
      const gridPos = { x, y, w, h };
      x += w;
      rowH = Math.max(rowH, h);
      return { id: id + 1, gridPos, ...p };
    }),
  };
}

const stat = { type: 'stat', w: 6, h: 4 };

export const DASHBOARDS = {
  'souk-overview': dashboard('souk-overview', 'Souk — overview and SLOs', [
    panel('API availability (30d SLO 99.9 %)', 'percentunit', '1 - souk:slo_errors:ratio_rate1h', stat),
    panel('Checkout success (no 5xx)', 'percentunit', '1 - souk:checkout_errors:ratio_rate5m', stat),
    panel('Oldest unpublished event', 's', 'max(souk_outbox_oldest_unpublished_age_seconds)', stat),
    panel('Webhook attempt failures', 'percentunit', 'souk:webhook_failures:ratio_rate15m', stat),
    panel('Error budget burn rate (1h, 6h)', 'none', [
      ['souk:slo_errors:ratio_rate1h / 0.001', '1h'],
      ['souk:slo_errors:ratio_rate6h / 0.001', '6h'],
    ]),
    panel('Requests per second by group', 'reqps', [
      ['sum by (group) (souk:http_requests:rate5m)', '{{group}}'],
    ]),
    panel('p99 latency by group', 's', [['souk:http_latency_seconds:p99_5m', '{{group}}']]),
    panel('Orders per minute by currency', 'none', [
      [`sum by (currency) (rate(souk_orders_total[${R}])) * 60`, '{{currency}}'],
    ]),
  ]),
  'souk-api': dashboard('souk-api', 'Souk — API (RED per operation)', [
    panel('Requests per second by operation', 'reqps', [
      [`sum by (operation) (rate(souk_http_requests_total[${R}]))`, '{{operation}}'],
    ]),
    panel('5xx per second by operation', 'reqps', [
      [`sum by (operation) (rate(souk_http_requests_total{status=~"5.."}[${R}]))`, '{{operation}}'],
    ]),
    panel('4xx per second by operation and status', 'reqps', [
      [
        `sum by (operation, status) (rate(souk_http_requests_total{status=~"4.."}[${R}]))`,
        '{{operation}} {{status}}',
      ],
    ]),
    panel('p50 / p99 latency by operation', 's', [
      [
        `histogram_quantile(0.5, sum by (operation, le) (rate(souk_http_request_duration_seconds_bucket[${R}])))`,
        'p50 {{operation}}',
      ],
      [
        `histogram_quantile(0.99, sum by (operation, le) (rate(souk_http_request_duration_seconds_bucket[${R}])))`,
        'p99 {{operation}}',
      ],
    ]),
    panel('In-flight requests', 'none', [
      ['sum by (instance) (souk_http_requests_in_flight)', '{{instance}}'],
    ]),
    panel('Rate-limit rejections by scope', 'reqps', [
      [`sum by (scope) (rate(souk_rate_limit_rejections_total[${R}]))`, '{{scope}}'],
    ]),
    panel('Cache hit ratio', 'percentunit', [['souk:cache_hit:ratio_rate5m', '{{cache}}']]),
    panel('Event loop lag p99 and heap', 's', [
      ['max by (instance) (nodejs_eventloop_lag_p99_seconds)', 'loop p99 {{instance}}'],
    ]),
    panel('Resident memory', 'bytes', [
      ['max by (instance) (process_resident_memory_bytes)', '{{instance}}'],
    ]),
    panel('CPU', 'percentunit', [
      [`sum by (instance) (rate(process_cpu_seconds_total[${R}]))`, '{{instance}}'],
    ]),
  ]),
  'souk-checkout': dashboard('souk-checkout', 'Souk — checkout and orders', [
    panel('Checkouts by outcome', 'reqps', [
      [`sum by (outcome) (rate(souk_checkouts_total[${R}]))`, '{{outcome}}'],
    ]),
    panel('Rejected checkouts by problem code', 'reqps', [
      [`sum by (code) (rate(souk_checkouts_total{outcome="rejected"}[${R}]))`, '{{code}}'],
    ]),
    panel(
      'Orders placed (24h) by currency',
      'none',
      [['sum by (currency) (increase(souk_orders_total[24h]))', '{{currency}}']],
      {
        type: 'stat',
        w: 12,
        h: 6,
      },
    ),
    panel('GMV per hour by currency (minor units)', 'none', [
      ['souk:gmv_minor_units:rate1h * 3600', '{{currency}}'],
    ]),
    panel('Share of checkouts placing an order', 'percentunit', 'souk:checkouts_placed:ratio_rate5m'),
    panel('Checkout latency p50 / p99', 's', [
      [
        `histogram_quantile(0.5, sum by (le) (rate(souk_http_request_duration_seconds_bucket{operation="checkoutStoreCart"}[${R}])))`,
        'p50',
      ],
      [
        `histogram_quantile(0.99, sum by (le) (rate(souk_http_request_duration_seconds_bucket{operation="checkoutStoreCart"}[${R}])))`,
        'p99',
      ],
    ]),
  ]),
  'souk-events': dashboard('souk-events', 'Souk — events, plugins and webhooks', [
    panel('Outbox: oldest unpublished event', 's', 'max(souk_outbox_oldest_unpublished_age_seconds)'),
    panel('Outbox backlog and relay throughput', 'none', [
      ['max(souk_outbox_unpublished_events)', 'waiting'],
      [`sum(rate(souk_relay_published_events_total[${R}]))`, 'published/s'],
      [`sum(rate(souk_relay_failures_total[${R}]))`, 'failed rounds/s'],
    ]),
    panel('Consumer lag by plugin group', 's', [
      ['max by (group) (souk_plugin_consumer_lag_seconds)', '{{group}}'],
    ]),
    panel('Plugin events by outcome', 'ops', [
      [`sum by (group, outcome) (rate(souk_plugin_events_total[${R}]))`, '{{group}} {{outcome}}'],
    ]),
    panel('Dead letters stored by plugin', 'none', [
      ['max by (plugin) (souk_plugin_dead_letters)', '{{plugin}}'],
    ]),
    panel('Webhook attempts by outcome', 'ops', [
      [`sum by (outcome) (rate(souk_webhook_deliveries_total[${R}]))`, '{{outcome}}'],
    ]),
    panel('Webhook receiver latency p50 / p99', 's', [
      [
        `histogram_quantile(0.5, sum by (le) (rate(souk_webhook_delivery_duration_seconds_bucket[${R}])))`,
        'p50',
      ],
      [
        `histogram_quantile(0.99, sum by (le) (rate(souk_webhook_delivery_duration_seconds_bucket[${R}])))`,
        'p99',
      ],
    ]),
    panel('Webhook deliveries pending, given up (1h)', 'none', [
      ['max(souk_webhook_deliveries_pending)', 'pending'],
      ['sum(increase(souk_webhook_dead_letters_total[1h]))', 'given up'],
    ]),
    // A broker outage makes consumers crash and be replaced; steady replacements outside one are a fault.
    panel('Kafka consumers replaced, messages skipped (1h)', 'none', [
      ['sum by (group) (increase(souk_bus_consumer_restarts_total[1h]))', '{{group}} replaced'],
      ['sum by (group) (increase(souk_bus_unreadable_messages_total[1h]))', '{{group}} skipped'],
    ]),
  ]),
  'souk-database': dashboard('souk-database', 'Souk — database', [
    panel('Query p99 by statement', 's', [
      [
        `histogram_quantile(0.99, sum by (statement, le) (rate(souk_db_query_duration_seconds_bucket[${R}])))`,
        '{{statement}}',
      ],
    ]),
    panel('Queries per second by statement', 'ops', [
      [`sum by (statement) (rate(souk_db_query_duration_seconds_count[${R}]))`, '{{statement}}'],
    ]),
    panel('Failed queries per second', 'ops', [
      [`sum by (statement) (rate(souk_db_query_errors_total[${R}]))`, '{{statement}}'],
    ]),
    panel('Pool connections', 'none', [
      ['sum by (state) (souk_db_pool_connections)', '{{state}}'],
      ['sum by (state) (souk_db_read_lane_connections)', 'read lane {{state}}'],
    ]),
    panel('Scrape-time collector errors', 'none', [
      [`sum by (collector) (increase(souk_metrics_collect_errors_total[${R}]))`, '{{collector}}'],
    ]),
  ]),
};

function sameJson(a, b) {
  try {
    return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
  } catch {
    return false;
  }
}

const dir = fileURLToPath(new URL('./dashboards/', import.meta.url));
let stale = 0;
for (const [name, dash] of Object.entries(DASHBOARDS)) {
  const file = `${dir}${name}.json`;
  const json = `${JSON.stringify(dash, null, 2)}\n`;
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {}
    // Compared as data: the formatter may lay the committed JSON out differently.
    if (!sameJson(current, json)) {
      stale++;
      console.error(`dashboards: ${name}.json is not what grafana/dashboards.mjs writes; run it`);
    }
  } else {
    writeFileSync(file, json);
  }
}
if (stale) process.exit(1);
