import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventEnv, startReceiver, waitFor } from '../../test/support/events.js';
import { SELLER_1 } from '../../test/support/seller-catalog.js';
import { buyableVariants, checkout, readyCart } from '../../test/support/shopping.js';
import { startTestApi, type TestApi } from '../../test/support/test-api.js';

/** One scrape: each series (`name{labels}` exactly as exposed) to its value. */
type Scrape = Map<string, number>;

function parse(text: string): Scrape {
  const series: Scrape = new Map();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    series.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return series;
}

describe('/metrics', () => {
  let api: TestApi;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const [variant, other] = buyableVariants('atlas-outfitters', 3);

  async function scrape(): Promise<Scrape> {
    const res = await fetch(`${api.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    return parse(await res.text());
  }
  const value = (s: Scrape, series: string) => s.get(series) ?? 0;

  beforeAll(async () => {
    receiver = await startReceiver();
    api = await startTestApi({ env: eventEnv() });
    const res = await api.request('POST', '/seller/webhook-endpoints', {
      json: { url: receiver.url, event_types: ['seller_order.placed'] },
      key: SELLER_1,
    });
    expect(res.status).toBe(201);
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await receiver?.close();
  });

  it('counts a placed checkout, its order and GMV, the webhook it caused and the events behind it', async () => {
    const before = await scrape();
    const cart = await readyCart(api, [{ variantId: variant?.id ?? '', quantity: 1 }]);
    const placed = await checkout(api, cart.id);
    expect(placed.status).toBe(201);
    const { amount, currency } = placed.body.totals.total;
    await waitFor('the webhook of the order', () =>
      receiver.received.some((h) => h.json.data.order_id === placed.body.id),
    );
    const after = await waitFor('the delivery attempt recorded', async () => {
      const s = await scrape();
      const delta =
        value(s, 'souk_webhook_deliveries_total{outcome="succeeded"}') -
        value(before, 'souk_webhook_deliveries_total{outcome="succeeded"}');
      return delta >= 1 ? s : undefined;
    });
    const delta = (series: string) => value(after, series) - value(before, series);

    expect(delta('souk_checkouts_total{outcome="placed",code=""}')).toBe(1);
    expect(delta(`souk_orders_total{currency="${currency}"}`)).toBe(1);
    expect(delta(`souk_gmv_minor_units_total{currency="${currency}"}`)).toBe(amount);
    expect(
      delta(
        'souk_http_requests_total{operation="checkoutStoreCart",group="store",method="POST",status="201"}',
      ),
    ).toBe(1);
    expect(
      delta(
        'souk_http_request_duration_seconds_count{operation="checkoutStoreCart",group="store",method="POST"}',
      ),
    ).toBe(1);
    expect(delta('souk_relay_published_events_total')).toBeGreaterThan(0);
    expect(delta('souk_plugin_events_total{group="plugin.webhooks",outcome="processed"}')).toBeGreaterThan(0);
    expect(after.has('souk_plugin_consumer_lag_seconds{group="plugin.webhooks"}')).toBe(true);
    expect(delta('souk_webhook_delivery_duration_seconds_count{result="success"}')).toBeGreaterThanOrEqual(1);
    expect(delta('souk_db_query_duration_seconds_count{statement="insert"}')).toBeGreaterThan(0);
    // Node runtime metrics are on the same page.
    expect(after.has('nodejs_eventloop_lag_seconds')).toBe(true);
  });

  it('counts a replayed checkout once, not as a second order, and a rejected one by its problem code', async () => {
    const cart = await readyCart(api, [{ variantId: other?.id ?? '', quantity: 1 }]);
    const first = await checkout(api, cart.id);
    expect(first.status).toBe(201);
    const before = await scrape();
    const replay = await checkout(api, cart.id);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const again = await checkout(api, cart.id, { key: `another-key-${cart.id}` });
    expect(again.status).toBeGreaterThanOrEqual(400);
    const code = again.body.code;
    const after = await scrape();
    const delta = (series: string) => value(after, series) - value(before, series);
    expect(delta('souk_checkouts_total{outcome="replayed",code=""}')).toBe(1);
    expect(delta(`souk_checkouts_total{outcome="rejected",code="${code}"}`)).toBe(1);
    expect(delta('souk_orders_total{currency="USD"}')).toBe(0);
  });

  it('shows the outbox backlog and its age while the relay is stopped, and zero once it drained', async () => {
    const { relay } = api.db.container;
    await relay.stop();
    try {
      const cart = await readyCart(api, [{ variantId: variant?.id ?? '', quantity: 1 }]);
      expect((await checkout(api, cart.id)).status).toBe(201);
      await new Promise((r) => setTimeout(r, 50));
      const stalled = await scrape();
      expect(value(stalled, 'souk_outbox_unpublished_events')).toBeGreaterThan(0);
      expect(value(stalled, 'souk_outbox_oldest_unpublished_age_seconds')).toBeGreaterThan(0);
    } finally {
      relay.start();
    }
    const drained = await waitFor('the outbox drained', async () => {
      const s = await scrape();
      return value(s, 'souk_outbox_unpublished_events') === 0 ? s : undefined;
    });
    expect(value(drained, 'souk_outbox_oldest_unpublished_age_seconds')).toBe(0);
  });

  it('counts requests that matched no operation as unmatched, never by their raw URL', async () => {
    expect((await api.get('/store/no-such-thing-12345', { key: null })).status).toBe(404);
    const text = await (await fetch(`${api.url}/metrics`)).text();
    expect(text).toContain(
      'souk_http_requests_total{operation="unmatched",group="store",method="GET",status="404"}',
    );
    expect(text).not.toContain('no-such-thing-12345');
  });

  it('counts each product body a listing takes from the kept copies as one hit', async () => {
    const path = '/store/products?limit=5&currency=USD';
    await api.get(path); // keeps the page's bodies (a miss, then the bodies read whole)
    const before = await scrape();
    const again = await api.get<{ data: unknown[] }>(path);
    const after = await scrape();
    const hits = 'souk_cache_requests_total{cache="catalog_bodies",result="hit"}';
    expect(again.body.data.length).toBe(5);
    expect(value(after, hits) - value(before, hits)).toBe(5);
    // Folded in at the scrape: a scrape with no lookup since adds nothing.
    expect(value(await scrape(), hits)).toBe(value(after, hits));
  });

  it('counts the requests in flight, not the scrape that reads them, and none once answered', async () => {
    await Promise.all([api.get('/store/products'), api.get('/store/no-such-thing', { key: null }), scrape()]);
    const s = await scrape();
    expect(s.has('souk_http_requests_in_flight')).toBe(true);
    expect(value(s, 'souk_http_requests_in_flight')).toBe(0);
    expect(
      value(
        s,
        'souk_http_request_duration_seconds_count{operation="listStoreProducts",group="store",method="GET"}',
      ),
    ).toBeGreaterThan(0);
  });
});
