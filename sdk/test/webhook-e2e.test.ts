import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { constructWebhookEvent, verifyWebhook } from '../src/index.js';
import { clientFor, keys, readyCart, startTestApi, type TestApi } from './support.js';

// A real delivery: the API's webhooks plugin signs and POSTs to a receiver here; the SDK verifies it.
interface Received {
  body: Buffer;
  headers: IncomingHttpHeaders;
}
let api: TestApi;
let receiver: Server;
let url: string;
const received: Received[] = [];

beforeAll(async () => {
  receiver = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    received.push({ body: Buffer.concat(chunks), headers: req.headers });
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  api = await startTestApi({
    env: {
      RELAY_ENABLED: 'true',
      PLUGINS: 'webhooks',
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      WEBHOOK_POLL_MS: '20',
      RELAY_POLL_MS: '20',
    },
  });
});
afterAll(async () => {
  await api?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

async function waitFor<T>(find: () => T | undefined, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error('timed out waiting for a webhook delivery');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('webhook delivery from the API', () => {
  it('is verified by verifyWebhook with the secret create returned', async () => {
    const seller = clientFor(api, keys.seller1);
    const { endpoint, secret } = await seller.seller.webhookEndpoints.create({
      url,
      event_types: ['seller_order.placed'],
    });
    const store = clientFor(api, keys.store);
    const order = await store.store.carts.checkout((await readyCart(store)).id, {
      payment_method: 'pm_card_visa',
    });
    const delivery = await waitFor(() =>
      received.find((r) => r.headers['souk-event-type'] === 'seller_order.placed'),
    );
    const signature = String(delivery.headers['souk-signature']);
    expect(await verifyWebhook(delivery.body, signature, secret)).toBe(true);
    expect(await verifyWebhook(delivery.body, signature, 'whsec_wrong')).toBe(false);
    const event = await constructWebhookEvent(delivery.body, signature, secret);
    expect(event.type).toBe('seller_order.placed');
    expect(event.id).toBe(delivery.headers['souk-event-id']);
    expect(JSON.stringify(event.data)).toContain(order.id);
    expect(delivery.headers['souk-delivery-id']).toBeTruthy();
    // The receiver answered before the worker recorded the attempt: poll until it did.
    let deliveries = await seller.seller.webhookEndpoints.listDeliveries(endpoint.id);
    for (let i = 0; i < 100 && deliveries.data[0]?.status !== 'succeeded'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      deliveries = await seller.seller.webhookEndpoints.listDeliveries(endpoint.id);
    }
    expect(deliveries.data[0]).toMatchObject({ event_type: 'seller_order.placed', status: 'succeeded' });
    // A redelivery is signed and verifiable too.
    await seller.seller.webhookEndpoints.redeliver(endpoint.id, deliveries.data[0]?.id ?? '');
    const again = await waitFor(() => (received.length > 1 ? received[1] : undefined));
    expect(await verifyWebhook(again.body, String(again.headers['souk-signature']), secret)).toBe(true);
  });
});
