import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventEnv,
  kafkaBrokers,
  type ReceivedWebhook,
  startReceiver,
  waitFor,
} from '../../../api/test/support/events.js';
import { SELLER_1 } from '../../../api/test/support/seller-catalog.js';
import { buyableVariants, checkout, readyCart } from '../../../api/test/support/shopping.js';
import { checkEvent } from '../../../api/test/support/spec-validator.js';
import { startTestApi, type TestApi } from '../../../api/test/support/test-api.js';

type Endpoint = { endpoint: { id: string }; secret: string };
type Delivery = {
  id: string;
  status: string;
  attempts: { status_code: number | null; error: string | null }[];
};

/** The receiver's side of the signature check, written from the spec (independently of the sender). */
function verify(hook: ReceivedWebhook, secret: string, toleranceSec = 300): boolean {
  const header = String(hook.headers['souk-signature'] ?? '');
  const t = Number(/(?:^|,)t=(\d+)/.exec(header)?.[1]);
  if (!Number.isFinite(t) || Math.abs(Date.now() / 1000 - t) > toleranceSec) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${hook.body}`).digest();
  return [...header.matchAll(/v1=([0-9a-f]{64})/g)].some((m) =>
    timingSafeEqual(Buffer.from(m[1] ?? '', 'hex'), expected),
  );
}

describe(`webhooks plugin, end to end on the ${kafkaBrokers ? 'kafka' : 'embedded'} bus`, () => {
  let api: TestApi;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const [hotVariant, secondVariant] = buyableVariants('atlas-outfitters', 5);

  async function register(eventTypes: string[], url = receiver.url): Promise<Endpoint> {
    const res = await api.request<Endpoint>('POST', '/seller/webhook-endpoints', {
      json: { url, event_types: eventTypes },
      key: SELLER_1,
    });
    expect(res.status).toBe(201);
    return res.body;
  }
  async function placeOrder(variantId: string): Promise<string> {
    const cart = await readyCart(api, [{ variantId, quantity: 1 }]);
    const order = await checkout(api, cart.id);
    expect(order.status).toBe(201);
    return order.body.id;
  }
  const hooksFor = (type: string, orderId: string) =>
    receiver.received.filter((h) => h.json.type === type && h.json.data.order_id === orderId);

  beforeAll(async () => {
    receiver = await startReceiver();
    api = await startTestApi({ env: eventEnv() });
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await receiver?.close();
  });

  it('delivers a placed order to the seller once, signed, as the spec describes it', async () => {
    const { secret } = await register(['seller_order.placed']);
    const orderId = await placeOrder(hotVariant?.id ?? '');
    const [hook] = await waitFor('seller_order.placed webhook', () => {
      const hooks = hooksFor('seller_order.placed', orderId);
      return hooks.length > 0 ? hooks : undefined;
    });
    if (!hook) throw new Error('no webhook');
    expect(verify(hook, secret)).toBe(true);
    expect(verify(hook, 'whsec_wrong')).toBe(false);
    expect(hook.headers['souk-event-id']).toBe(hook.json.id);
    expect(hook.headers['souk-event-type']).toBe('seller_order.placed');
    expect(String(hook.headers['souk-delivery-id'])).toMatch(/^whd_/);
    expect(checkEvent(hook.json as never)).toEqual([]);
    await new Promise((r) => setTimeout(r, 500));
    expect(hooksFor('seller_order.placed', orderId)).toHaveLength(1);
  });

  it('retries a receiver that answered 500, and the log shows both attempts', async () => {
    const flaky = await startReceiver((_hook, n) => (n === 1 ? 500 : 200));
    const { endpoint } = await register(['seller_order.placed'], flaky.url);
    const orderId = await placeOrder(secondVariant?.id ?? '');
    await waitFor(
      'two attempts',
      () => flaky.received.filter((h) => h.json.data.order_id === orderId).length >= 2,
    );
    const log = await waitFor('succeeded delivery in the log', async () => {
      const res = await api.get<{ data: Delivery[] }>(`/seller/webhook-endpoints/${endpoint.id}/deliveries`, {
        key: SELLER_1,
      });
      const d = res.body.data[0];
      return d?.status === 'succeeded' ? d : undefined;
    });
    expect(log.attempts.map((a) => a.status_code)).toEqual([500, 200]);
    expect(log.attempts[0]?.error).toBe('HTTP 500');

    const again = await api.request<Delivery>(
      'POST',
      `/seller/webhook-endpoints/${endpoint.id}/deliveries/${log.id}/redeliver`,
      { key: SELLER_1 },
    );
    expect(again.status).toBe(202);
    await waitFor(
      'third attempt',
      () => flaky.received.filter((h) => h.json.data.order_id === orderId).length >= 3,
    );
    await flaky.close();
  });

  it('tells the seller when stock runs low (inventory-alerts → webhooks)', async () => {
    const { secret } = await register(['inventory.low']);
    const res = await api.request('POST', '/seller/inventory', {
      json: { items: [{ variant_id: hotVariant?.id, quantity: 2 }] },
      key: SELLER_1,
    });
    expect(res.status).toBe(200);
    const hook = await waitFor('inventory.low webhook', () =>
      receiver.received.find(
        (h) => h.json.type === 'inventory.low' && h.json.data.variant_id === hotVariant?.id,
      ),
    );
    expect(verify(hook, secret)).toBe(true);
    expect(hook.json.data).toMatchObject({ inventory_quantity: 2, threshold: 5 });
  });

  it('checks the address again at connect time and disables an endpoint that keeps failing', async () => {
    // A row as if `localhost` had passed registration and later resolved to loopback (not allow-listed:
    // only 127.0.0.1 is); it has been failing for 4 days, past the 3-day limit.
    const db = api.db.container.database.db;
    const { endpoint } = await register(['seller_order.placed']);
    const { secret } = await register(['webhook_endpoint.disabled']);
    const port = new URL(receiver.url).port;
    await db
      .updateTable('webhook_endpoints')
      .set({ url: `http://localhost:${port}/hooks`, failing_since: new Date(Date.now() - 4 * 86_400_000) })
      .where('id', '=', endpoint.id)
      .execute();
    await placeOrder(secondVariant?.id ?? '');
    const disabled = await waitFor('webhook_endpoint.disabled webhook', () =>
      receiver.received.find((h) => h.json.type === 'webhook_endpoint.disabled'),
    );
    expect(verify(disabled, secret)).toBe(true);
    expect(disabled.json.data).toMatchObject({ endpoint_id: endpoint.id });
    expect(String(disabled.json.data.last_error)).toMatch(/forbidden address/);
    const view = await api.get<{ enabled: boolean; disabled_reason: string }>(
      `/seller/webhook-endpoints/${endpoint.id}`,
      { key: SELLER_1 },
    );
    expect(view.body).toMatchObject({ enabled: false, disabled_reason: 'failing' });
  });
});
