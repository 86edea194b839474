import { Counter, collectDefaultMetrics, Gauge, Histogram, register } from 'prom-client';

/**
 * The process's Prometheus registry and every metric Souk records. It is prom-client's default
 * registry on purpose: plugin packages that import `prom-client` themselves (the webhooks plugin does)
 * land in the same registry and on the same `/metrics` page without depending on the API's internals.
 *
 * Labels stay bounded: an operationId (never a raw URL), a status code, a problem code from the
 * spec's closed union, an ISO currency, a plugin group. Nothing per customer, key or id.
 */
export const metricsRegistry = register;

let runtimeCollected = false;
/** Node runtime metrics (event loop lag, heap, GC, handles), registered once per process. */
export function collectRuntimeMetrics(): void {
  if (runtimeCollected) return;
  runtimeCollected = true;
  collectDefaultMetrics({ register });
}

/**
 * Adds to `counter` what each series counted since the last scrape, and starts the series again from 0:
 * the hot paths count in plain numbers (`answeredRequests`, `cacheLookups`) and the counter's `collect`
 * folds them in when it is read.
 */
function addCounts<L extends string>(
  counter: Counter<L>,
  series: Iterable<{ labels: Partial<Record<L, string>>; count: number }>,
): void {
  for (const one of series) {
    if (one.count === 0) continue;
    counter.inc(one.labels, one.count);
    one.count = 0;
  }
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** RED: requests by operationId, the operation group (store, seller, admin, system), method and status. */
export const httpRequests = new Counter({
  name: 'souk_http_requests_total',
  help: 'HTTP requests answered, by operationId (unmatched: no operation), group, method and status.',
  labelNames: ['operation', 'group', 'method', 'status'] as const,
  collect() {
    addCounts(this, answeredRequests.values());
  },
});

/**
 * One label set of `httpRequests`, the requests it answered since the last scrape, and the labels of
 * the same requests in `httpDuration` (made once with it).
 */
export interface AnsweredSeries {
  labels: { operation: string; group: string; method: string; status: string };
  durationLabels: { operation: string; group: string; method: string };
  count: number;
}

/**
 * Requests answered per label set, added to `httpRequests` when it is read (a scrape): a request
 * then adds one to a number instead of having prom-client hash its four labels. Bounded as the
 * series are (the caller keys it by operationId, method and status).
 */
export const answeredRequests = new Map<string, AnsweredSeries>();

export const httpDuration = new Histogram({
  name: 'souk_http_request_duration_seconds',
  help: 'Time from the request arriving to the response being handed to Node, by operationId and group.',
  labelNames: ['operation', 'group', 'method'] as const,
  buckets: LATENCY_BUCKETS,
});

/** Requests being handled now, counted by the request hooks and read into `httpInFlight` when scraped. */
export const requestsInFlight = { count: 0 };

export const httpInFlight = new Gauge({
  name: 'souk_http_requests_in_flight',
  help: 'Requests being handled now.',
  collect() {
    this.set(requestsInFlight.count);
  },
});

/** Database: query durations by statement kind, failed queries, pool occupancy. */
export const dbQueryDuration = new Histogram({
  name: 'souk_db_query_duration_seconds',
  help: 'SQL query durations by statement kind (select, insert, update, delete, other).',
  labelNames: ['statement'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
});

export const dbQueryErrors = new Counter({
  name: 'souk_db_query_errors_total',
  help: 'SQL queries that failed, by statement kind.',
  labelNames: ['statement'] as const,
});

/** Events: the outbox relay and the plugin consumers. */
export const relayPublished = new Counter({
  name: 'souk_relay_published_events_total',
  help: 'Outbox events the relay published to the bus.',
});

export const relayFailures = new Counter({
  name: 'souk_relay_failures_total',
  help: 'Relay rounds that failed to publish (the events stay in the outbox and are tried again).',
});

export const busConsumerRestarts = new Counter({
  name: 'souk_bus_consumer_restarts_total',
  help: 'Kafka consumers of a group that crashed and were replaced by a new one (a broker outage makes several).',
  labelNames: ['group'] as const,
});

export const busUnreadableMessages = new Counter({
  name: 'souk_bus_unreadable_messages_total',
  help: 'Messages on the Kafka topic that carry no event (not JSON, no id or type), skipped by a group.',
  labelNames: ['group'] as const,
});

export const pluginEvents = new Counter({
  name: 'souk_plugin_events_total',
  help: 'Events handled by a plugin consumer group: processed, duplicate (already processed), retried, dead_lettered.',
  labelNames: ['group', 'outcome'] as const,
});

export const pluginConsumerLag = new Gauge({
  name: 'souk_plugin_consumer_lag_seconds',
  help: 'Seconds between the last event a plugin group handled occurring and the group handling it.',
  labelNames: ['group'] as const,
});

export const pluginLastHandled = new Gauge({
  name: 'souk_plugin_consumer_last_handled_timestamp_seconds',
  help: 'Unix time a plugin group last finished an event.',
  labelNames: ['group'] as const,
});

export const pluginDeadLetters = new Counter({
  name: 'souk_plugin_dead_letters_total',
  help: 'Events a plugin gave up on after its retries (moved to plugin_dead_letters).',
  labelNames: ['group'] as const,
});

/** Commerce: checkout outcomes, orders and GMV. */
export const checkouts = new Counter({
  name: 'souk_checkouts_total',
  help: 'Checkout attempts by outcome (placed, replayed, rejected) and problem code (empty when placed).',
  labelNames: ['outcome', 'code'] as const,
});

export const orders = new Counter({
  name: 'souk_orders_total',
  help: 'Orders placed, by currency.',
  labelNames: ['currency'] as const,
});

export const gmv = new Counter({
  name: 'souk_gmv_minor_units_total',
  help: 'Gross merchandise value of placed orders (order totals), in minor units of the currency.',
  labelNames: ['currency'] as const,
});

/** Caches: hits and misses per cache (the hit ratio is hits / (hits + misses)). */
export const cacheRequests = new Counter({
  name: 'souk_cache_requests_total',
  help: 'Cache lookups by cache name and result (hit, miss).',
  labelNames: ['cache', 'result'] as const,
  collect() {
    addCounts(this, cacheLookups.values());
  },
});

/** One label set of `cacheRequests` and the lookups it counted since the last scrape. */
export interface CacheLookupSeries {
  labels: { cache: string; result: 'hit' | 'miss' };
  count: number;
}

/**
 * Cache lookups per cache and result, added to `cacheRequests` when it is read (a scrape), as
 * `answeredRequests` is to `httpRequests`: a listing looks up every product's body, and a lookup then
 * adds one to a number instead of having prom-client build its label key. Keyed by cache name and
 * result, so every app of a process (tests run several) shares the series.
 */
export const cacheLookups = new Map<string, CacheLookupSeries>();

/**
 * Requests refused by a rate limit, by scope (e.g. the key kind or the limit's name). The limiter
 * increments it: `rateLimitRejections.inc({ scope: 'publishable' })`.
 */
/** Requests let through without a decision because the limiter's shared store could not be reached (fail open). */
export const rateLimitStoreErrors = new Counter({
  name: 'souk_rate_limit_store_errors_total',
  help: 'Requests let through without a rate-limit decision because the shared store could not be reached.',
});

export const rateLimitRejections = new Counter({
  name: 'souk_rate_limit_rejections_total',
  help: 'Requests refused by a rate limit, by scope.',
  labelNames: ['scope'] as const,
});

/** Periodic sweeps of orphaned media files (api/src/modules/media/media.sweep.ts), by result. */
export const mediaSweeps = new Counter({
  name: 'souk_media_sweeps_total',
  help: 'Sweeps of stored image folders no product names, by result (ok, failed).',
  labelNames: ['result'] as const,
});

export const mediaOrphansRemoved = new Counter({
  name: 'souk_media_orphan_objects_removed_total',
  help: 'Stored objects (originals and renditions) removed by the sweep because no product named them.',
});

/** Scrape-time collectors that could not read their source (e.g. the database was unreachable). */
export const collectErrors = new Counter({
  name: 'souk_metrics_collect_errors_total',
  help: 'Scrape-time collectors that failed, by collector.',
  labelNames: ['collector'] as const,
});
