import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SoukClient, verifyWebhook } from '../src/index.js';
import { clientFor, keys, startTestApi, type TestApi } from './support.js';

let api: TestApi;
let seller: SoukClient;
let admin: SoukClient;

beforeAll(async () => {
  api = await startTestApi();
  seller = clientFor(api, keys.seller1);
  admin = clientFor(api, keys.operator);
});
afterAll(() => api?.close());

describe('seller.webhookEndpoints', () => {
  it('creates an endpoint (secret shown once), lists, updates, rotates and deletes it', async () => {
    const created = await seller.seller.webhookEndpoints.create({
      url: 'https://93.184.215.14/hooks/souk',
      event_types: ['seller_order.placed'],
      description: 'sdk test',
    });
    expect(created.secret).toMatch(/^whsec_/);
    const listed = await seller.seller.webhookEndpoints.list();
    expect(listed.data.map((e) => e.id)).toContain(created.endpoint.id);
    const got = await seller.seller.webhookEndpoints.get(created.endpoint.id);
    expect(got).not.toHaveProperty('secret');
    const updated = await seller.seller.webhookEndpoints.update(created.endpoint.id, { enabled: false });
    expect(updated.enabled).toBe(false);
    const rotated = await seller.seller.webhookEndpoints.rotateSecret(created.endpoint.id, {
      expire_previous_in_hours: 0,
    });
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(created.secret);
    const deliveries = [];
    for await (const d of seller.seller.webhookEndpoints.listAllDeliveries(created.endpoint.id))
      deliveries.push(d);
    expect(Array.isArray(deliveries)).toBe(true);
    await seller.seller.webhookEndpoints.delete(created.endpoint.id);
    await expect(seller.seller.webhookEndpoints.get(created.endpoint.id)).rejects.toMatchObject({
      code: 'not_found',
    });
    // A secret from the API is a valid HMAC key for verifyWebhook.
    expect(typeof (await verifyWebhook('{}', 't=1,v1=00', rotated.secret))).toBe('boolean');
  });

  it('refuses a loopback URL with a typed error', async () => {
    const err = await seller.seller.webhookEndpoints
      .create({ url: 'https://127.0.0.1/hooks', event_types: ['seller_order.placed'] })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 422, code: 'webhook_url_not_allowed' });
  });
});

describe('admin.webhookEndpoints', () => {
  it('creates and lists marketplace-wide endpoints', async () => {
    const created = await admin.admin.webhookEndpoints.create({
      url: 'https://93.184.215.14/hooks/ops',
      event_types: ['seller.created'],
    });
    expect(created.secret).toMatch(/^whsec_/);
    expect((await admin.admin.webhookEndpoints.list()).data.map((e) => e.id)).toContain(created.endpoint.id);
    await admin.admin.webhookEndpoints.delete(created.endpoint.id);
  });
});
