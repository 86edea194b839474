import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SELLER_1, SELLER_2, sellerIdByHandle } from '../../../test/support/seller-catalog.js';
import { startTestApi, type TestApi } from '../../../test/support/test-api.js';
import type { Problem } from '../../errors.js';
import type { components } from '../../generated/openapi.js';
import { loadSpecArtifacts } from '../../spec.js';
import { activeSecrets, MARKETPLACE_ONLY_EVENT_TYPES } from './index.js';

type Schemas = components['schemas'];
type Endpoint = Schemas['WebhookEndpoint'];
type WithSecret = Schemas['WebhookEndpointWithSecret'];

/** Allow-listed hosts are admitted without DNS, so nothing here needs the network. */
const ENV = {
  WEBHOOK_ALLOWED_HOSTS: '127.0.0.1,hooks.example.test,other.example.test',
  PLUGINS_IN_PROCESS: 'false',
  RELAY_ENABLED: 'false',
};

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ env: ENV });
});
afterAll(() => api?.close());

const create = (base: '/seller' | '/admin', json: unknown, key?: string) =>
  api.request<WithSecret>('POST', `${base}/webhook-endpoints`, { json, ...(key ? { key } : {}) });

describe('seller endpoints', () => {
  it('creates, reads, updates and deletes an endpoint, showing the secret only once', async () => {
    const created = await create('/seller', {
      url: 'https://hooks.example.test/souk',
      event_types: ['product.created', 'product.updated'],
      description: 'Catalog sync',
    });
    expect(created.status).toBe(201);
    const { endpoint, secret } = created.body;
    expect(secret).toMatch(/^whsec_[0-9A-Za-z]{32}$/);
    expect(endpoint).toMatchObject({
      owner: await sellerIdByHandle(api, 'atlas-outfitters'),
      url: 'https://hooks.example.test/souk',
      enabled: true,
      disabled_reason: null,
      failing_since: null,
      secret_hint: `…${secret.slice(-4)}`,
      secrets_active: 1,
    });

    const got = await api.get<Endpoint>(`/seller/webhook-endpoints/${endpoint.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(endpoint);
    expect(JSON.stringify(got.body)).not.toContain(secret);
    const list = await api.get<Schemas['WebhookEndpointList']>('/seller/webhook-endpoints');
    expect(list.body.data.map((e) => e.id)).toContain(endpoint.id);
    expect(JSON.stringify(list.body)).not.toContain(secret);

    const off = await api.request<Endpoint>('PATCH', `/seller/webhook-endpoints/${endpoint.id}`, {
      json: { enabled: false, event_types: ['*'], description: null },
    });
    expect(off.body).toMatchObject({
      enabled: false,
      disabled_reason: 'manual',
      event_types: ['*'],
      description: null,
    });
    expect(Date.parse(off.body.updated_at)).toBeGreaterThanOrEqual(Date.parse(endpoint.updated_at));

    expect((await api.request('DELETE', `/seller/webhook-endpoints/${endpoint.id}`)).status).toBe(204);
    expect((await api.get<Problem>(`/seller/webhook-endpoints/${endpoint.id}`)).status).toBe(404);
    expect((await api.request<Problem>('DELETE', `/seller/webhook-endpoints/${endpoint.id}`)).status).toBe(
      404,
    );
    const secrets = await api.db.container.database.db
      .selectFrom('webhook_secrets')
      .select('id')
      .where('endpoint_id', '=', endpoint.id)
      .execute();
    expect(secrets).toEqual([]);
  });

  it('refuses marketplace-wide event types, which are never delivered to a seller, on create and update', async () => {
    const res = await create('/seller', {
      url: 'https://hooks.example.test/m',
      event_types: ['seller_order.placed', 'order.placed', 'order.cancelled'],
    });
    expect(res.status).toBe(400);
    const problem = res.body as unknown as Problem;
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors).toEqual([
      { in: 'body', field: '/event_types/1', message: expect.stringContaining('marketplace-wide') },
      { in: 'body', field: '/event_types/2', message: expect.stringContaining('marketplace-wide') },
    ]);
    const { endpoint } = (
      await create('/seller', { url: 'https://hooks.example.test/m', event_types: ['seller_order.placed'] })
    ).body;
    const patched = await api.request<Problem>('PATCH', `/seller/webhook-endpoints/${endpoint.id}`, {
      json: { event_types: ['order.placed'] },
    });
    expect(patched.status).toBe(400);
    expect((await api.get<Endpoint>(`/seller/webhook-endpoints/${endpoint.id}`)).body.event_types).toEqual([
      'seller_order.placed',
    ]);
    // The operator receives them.
    const operator = await create('/admin', {
      url: 'https://hooks.example.test/m',
      event_types: ['order.placed'],
    });
    expect(operator.status).toBe(201);
    await api.request('DELETE', `/admin/webhook-endpoints/${operator.body.endpoint.id}`);
  });

  it('names as marketplace-wide exactly the event types whose seller_id the spec makes null', () => {
    const spec = loadSpecArtifacts().document as unknown as {
      components: {
        schemas: Record<
          string,
          { properties?: { type?: { const?: string }; seller_id?: { type?: unknown } } }
        >;
      };
    };
    const nullOnly = Object.values(spec.components.schemas)
      .filter((s) => s.properties?.seller_id?.type === 'null' && s.properties.type?.const)
      .map((s) => s.properties?.type?.const)
      .sort();
    expect([...MARKETPLACE_ONLY_EVENT_TYPES].sort()).toEqual(nullOnly);
  });

  it('enabling clears the failing state', async () => {
    const { endpoint } = (
      await create('/seller', { url: 'https://hooks.example.test/f', event_types: ['*'] })
    ).body;
    await api.db.container.database.db
      .updateTable('webhook_endpoints')
      .set({ enabled: false, disabled_reason: 'failing', failing_since: new Date(), last_error: 'HTTP 500' })
      .where('id', '=', endpoint.id)
      .execute();
    const failing = await api.get<Endpoint>(`/seller/webhook-endpoints/${endpoint.id}`);
    expect(failing.body).toMatchObject({ enabled: false, disabled_reason: 'failing' });
    expect(failing.body.failing_since).not.toBeNull();
    const on = await api.request<Endpoint>('PATCH', `/seller/webhook-endpoints/${endpoint.id}`, {
      json: { enabled: true },
    });
    expect(on.body).toMatchObject({ enabled: true, disabled_reason: null, failing_since: null });
    const row = await api.db.container.database.db
      .selectFrom('webhook_endpoints')
      .select('last_error')
      .where('id', '=', endpoint.id)
      .executeTakeFirstOrThrow();
    expect(row.last_error).toBeNull();
    await api.request('DELETE', `/seller/webhook-endpoints/${endpoint.id}`);
  });

  it('keeps sellers apart: another seller’s endpoint is 404 for every operation, lists show only their own', async () => {
    const mine = (await create('/seller', { url: 'https://hooks.example.test/1', event_types: ['*'] })).body
      .endpoint;
    const base = `/seller/webhook-endpoints/${mine.id}`;
    const asOther = { key: SELLER_2 };
    expect((await api.get<Problem>(base, asOther)).body.code).toBe('not_found');
    expect((await api.request<Problem>('PATCH', base, { ...asOther, json: { enabled: false } })).status).toBe(
      404,
    );
    expect((await api.request<Problem>('POST', `${base}/rotate-secret`, asOther)).status).toBe(404);
    expect((await api.get<Problem>(`${base}/deliveries`, asOther)).status).toBe(404);
    const range = { from: '2024-01-01T00:00:00Z', to: '2024-01-02T00:00:00Z' };
    expect((await api.request<Problem>('POST', `${base}/replay`, { ...asOther, json: range })).status).toBe(
      404,
    );
    expect((await api.request<Problem>('DELETE', base, asOther)).status).toBe(404);
    // The operator manages marketplace endpoints only; a seller's endpoint is not one of them.
    expect((await api.get<Problem>(`/admin/webhook-endpoints/${mine.id}`)).status).toBe(404);

    const theirs = (
      await create('/seller', { url: 'https://hooks.example.test/2', event_types: ['*'] }, SELLER_2)
    ).body.endpoint;
    const list1 = await api.get<Schemas['WebhookEndpointList']>('/seller/webhook-endpoints');
    const list2 = await api.get<Schemas['WebhookEndpointList']>('/seller/webhook-endpoints', asOther);
    expect(list1.body.data.map((e) => e.id)).toContain(mine.id);
    expect(list1.body.data.map((e) => e.id)).not.toContain(theirs.id);
    expect(list2.body.data.map((e) => e.id)).toEqual([theirs.id]);
    expect((await api.get(base)).status).toBe(200);
    await api.request('DELETE', base);
    await api.request('DELETE', `/seller/webhook-endpoints/${theirs.id}`, asOther);
  });
});

describe('operator endpoints', () => {
  it('are owned by the operator, listed oldest first, invisible to sellers', async () => {
    const a = (await create('/admin', { url: 'https://hooks.example.test/a', event_types: ['*'] })).body
      .endpoint;
    const b = (
      await create('/admin', {
        url: 'https://other.example.test/b',
        event_types: ['order.placed'],
        enabled: false,
      })
    ).body.endpoint;
    expect(a.owner).toBe('operator');
    expect(b).toMatchObject({ enabled: false, disabled_reason: 'manual' });
    const list = await api.get<Schemas['WebhookEndpointList']>('/admin/webhook-endpoints');
    expect(list.body.data.map((e) => e.id)).toEqual([a.id, b.id]);
    expect((await api.get<Problem>(`/seller/webhook-endpoints/${a.id}`)).status).toBe(404);
    const patched = await api.request<Endpoint>('PATCH', `/admin/webhook-endpoints/${b.id}`, {
      json: { url: 'http://127.0.0.1:1234/x', enabled: true },
    });
    expect(patched.body).toMatchObject({
      url: 'http://127.0.0.1:1234/x',
      enabled: true,
      disabled_reason: null,
    });
    expect((await api.request('DELETE', `/admin/webhook-endpoints/${a.id}`)).status).toBe(204);
    expect((await api.request('DELETE', `/admin/webhook-endpoints/${b.id}`)).status).toBe(204);
  });

  it('replays a create with the same Idempotency-Key', async () => {
    const headers = { 'Idempotency-Key': 'wh-create-1' };
    const json = { url: 'https://hooks.example.test/idem', event_types: ['*'] };
    const first = await api.request<WithSecret>('POST', '/admin/webhook-endpoints', { json, headers });
    const again = await api.request<WithSecret>('POST', '/admin/webhook-endpoints', { json, headers });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.endpoint.id).toBe(first.body.endpoint.id);
    await api.request('DELETE', `/admin/webhook-endpoints/${first.body.endpoint.id}`);
  });
});

describe('secret rotation', () => {
  it('overlaps the previous secret, then retires it; expire 0 stops it at once', async () => {
    const { endpoint, secret: first } = (
      await create('/seller', { url: 'https://hooks.example.test/r', event_types: ['*'] })
    ).body;
    const rotated = await api.request<WithSecret>(
      'POST',
      `/seller/webhook-endpoints/${endpoint.id}/rotate-secret`,
    );
    expect(rotated.status).toBe(200);
    const second = rotated.body.secret;
    expect(second).not.toBe(first);
    expect(rotated.body.endpoint).toMatchObject({ secrets_active: 2, secret_hint: `…${second.slice(-4)}` });
    const db = api.db.container.database.db;
    expect(await activeSecrets(db, endpoint.id, new Date())).toEqual([second, first]);
    // The previous secret stops after its overlap (24 hours by default).
    expect(await activeSecrets(db, endpoint.id, new Date(Date.now() + 25 * 3_600_000))).toEqual([second]);

    const third = await api.request<WithSecret>(
      'POST',
      `/seller/webhook-endpoints/${endpoint.id}/rotate-secret`,
      {
        json: { expire_previous_in_hours: 0 },
      },
    );
    expect(third.body.endpoint).toMatchObject({
      secrets_active: 1,
      secret_hint: `…${third.body.secret.slice(-4)}`,
    });
    expect(await activeSecrets(db, endpoint.id, new Date())).toEqual([third.body.secret]);
    expect((await api.get<Endpoint>(`/seller/webhook-endpoints/${endpoint.id}`)).body.secrets_active).toBe(1);

    // Two rotations in a row: only the newest previous secret overlaps, older ones stop now.
    await api.request('POST', `/seller/webhook-endpoints/${endpoint.id}/rotate-secret`);
    const last = await api.request<WithSecret>(
      'POST',
      `/seller/webhook-endpoints/${endpoint.id}/rotate-secret`,
      {
        json: { expire_previous_in_hours: 48 },
      },
    );
    expect(last.body.endpoint.secrets_active).toBe(2);
    await api.request('DELETE', `/seller/webhook-endpoints/${endpoint.id}`);
  });
});

describe('URL guard', () => {
  it.each([
    'http://127.0.0.2/hook',
    'http://10.0.0.1/hook',
    'http://169.254.169.254/latest/meta-data',
    'http://[::1]/',
    'http://[::ffff:10.0.0.1]/',
    'ftp://hooks.example.test/x',
    'https://user:pw@hooks.example.test/x',
  ])('refuses %s with 422 webhook_url_not_allowed', async (url) => {
    const res = await api.request<Problem>('POST', '/seller/webhook-endpoints', {
      json: { url, event_types: ['*'] },
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('webhook_url_not_allowed');
  });

  it('checks a changed URL again, and admits the allow-list', async () => {
    const ok = await create('/seller', { url: 'http://127.0.0.1:1234/x', event_types: ['*'] });
    expect(ok.status).toBe(201);
    const id = ok.body.endpoint.id;
    const bad = await api.request<Problem>('PATCH', `/seller/webhook-endpoints/${id}`, {
      json: { url: 'http://192.168.1.10/' },
    });
    expect(bad.body.code).toBe('webhook_url_not_allowed');
    expect((await api.get<Endpoint>(`/seller/webhook-endpoints/${id}`)).body.url).toBe(
      'http://127.0.0.1:1234/x',
    );
    await api.request('DELETE', `/seller/webhook-endpoints/${id}`);
  });
});

describe('limits', () => {
  it('allows 16 endpoints per owner (409 conflict after), counted per owner', async () => {
    const key = SELLER_2;
    const ids: string[] = [];
    for (let i = 0; i < 16; i++) {
      const res = await create(
        '/seller',
        { url: `https://hooks.example.test/${i}`, event_types: ['*'] },
        key,
      );
      expect(res.status).toBe(201);
      ids.push(res.body.endpoint.id);
    }
    const over = await api.request<Problem>('POST', '/seller/webhook-endpoints', {
      key,
      json: { url: 'https://hooks.example.test/17', event_types: ['*'] },
    });
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('conflict');
    // Seller 1 is not affected by seller 2's count.
    const other = await create(
      '/seller',
      { url: 'https://hooks.example.test/s1', event_types: ['*'] },
      SELLER_1,
    );
    expect(other.status).toBe(201);
    for (const id of [...ids]) await api.request('DELETE', `/seller/webhook-endpoints/${id}`, { key });
    await api.request('DELETE', `/seller/webhook-endpoints/${other.body.endpoint.id}`);
  });

  it('refuses duplicate event types and unknown ones (400)', async () => {
    for (const event_types of [['order.placed', 'order.placed'], ['no.such_type'], []]) {
      const res = await api.request<Problem>('POST', '/seller/webhook-endpoints', {
        json: { url: 'https://hooks.example.test/x', event_types },
      });
      expect(res.status).toBe(400);
    }
  });
});
