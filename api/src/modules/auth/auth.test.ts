import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/test-api.js';
import type { Problem } from '../../errors.js';
import type { components } from '../../generated/openapi.js';
import { hashKey } from './keys.js';

type Schemas = components['schemas'];

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

describe('API key authentication', () => {
  it('answers 401 without a key, with a WWW-Authenticate challenge', async () => {
    const res = await api.get<Problem>('/store/products', { key: null });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
    expect(res.headers.get('www-authenticate')).toContain('X-Api-Key');
  });

  it.each(['pk_live_doesnotexist000000000000000000', 'x', 'sk_demo_seller_9'])(
    'answers 401 for an unknown key %s',
    async (key) => {
      const res = await api.get<Problem>('/store/products', { key });
      expect(res.status).toBe(401);
    },
  );

  it.each([
    ['a seller key on /store', 'sk_demo_seller_1', '/store/products'],
    ['the operator key on /store', 'sk_demo_operator', '/store/categories'],
    ['a publishable key on /admin', 'pk_demo_storefront', '/admin/sellers'],
    ['a seller key on /admin', 'sk_demo_seller_2', '/admin/settings'],
  ])('answers 403 for %s', async (_label, key, path) => {
    const res = await api.get<Problem>(path, { key });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('forbidden');
  });

  it('leaves public system endpoints open', async () => {
    expect((await api.get('/health', { key: null })).status).toBe(200);
    expect((await api.get('/openapi.json', { key: 'garbage' })).status).toBe(200);
  });
});

describe('issuing and revoking keys', () => {
  it('shows a publishable key once, stores only its hash, and revokes it at once', async () => {
    const created = await api.request<Schemas['ApiKeyCreated']>('POST', '/admin/publishable-keys', {
      json: { name: 'Theme preview' },
    });
    expect(created.status).toBe(201);
    const { key, secret } = created.body;
    expect(secret).toMatch(/^pk_live_[0-9A-Za-z]{32}$/);
    expect(key).toMatchObject({
      kind: 'publishable',
      seller_id: null,
      name: 'Theme preview',
      revoked_at: null,
    });
    expect(secret.startsWith(key.prefix)).toBe(true);

    const rows = await api.db.container.database.db
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', key.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.hash).toBe(hashKey(secret));
    expect(JSON.stringify(rows)).not.toContain(secret);

    expect((await api.get('/store/categories', { key: secret })).status).toBe(200);
    const list = await api.get<Schemas['ApiKeyList']>('/admin/publishable-keys');
    expect(list.body.data.map((k) => k.id)).toContain(key.id);
    expect(JSON.stringify(list.body)).not.toContain(secret);

    const revoked = await api.request<Schemas['ApiKey']>('DELETE', `/admin/keys/${key.id}`);
    expect(revoked.body.revoked_at).not.toBeNull();
    expect((await api.get<Problem>('/store/categories', { key: secret })).status).toBe(401);
    const again = await api.request<Schemas['ApiKey']>('DELETE', `/admin/keys/${key.id}`);
    expect(again.body.revoked_at).toBe(revoked.body.revoked_at);
  });

  it('issues seller keys for existing sellers only, and records their use', async () => {
    const sellers = await api.get<Schemas['AdminSellerList']>('/admin/sellers?status=active&limit=1');
    const seller = sellers.body.data[0];
    const created = await api.request<Schemas['ApiKeyCreated']>('POST', `/admin/sellers/${seller?.id}/keys`, {
      json: { name: 'ERP sync' },
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^sk_live_[0-9A-Za-z]{32}$/);
    expect(created.body.key).toMatchObject({ kind: 'seller', seller_id: seller?.id });

    // Any authenticated request marks the key used; a seller key gets 403 on /admin but is still recognised.
    expect((await api.get('/admin/settings', { key: created.body.secret })).status).toBe(403);
    let lastUsed: string | null | undefined = null;
    for (let i = 0; i < 50 && !lastUsed; i++) {
      await new Promise((r) => setTimeout(r, 20));
      const keys = await api.get<Schemas['ApiKeyList']>(`/admin/sellers/${seller?.id}/keys`);
      lastUsed = keys.body.data.find((k) => k.id === created.body.key.id)?.last_used_at;
    }
    expect(lastUsed).toBeTruthy();

    const missing = await api.request<Problem>('POST', '/admin/sellers/sel_00000000000000000000000000/keys', {
      json: { name: 'x' },
    });
    expect(missing.status).toBe(404);
  });

  it('refuses unknown keys and an operator revoking its own key', async () => {
    expect((await api.request<Problem>('DELETE', '/admin/keys/key_00000000000000000000000000')).status).toBe(
      404,
    );
    const own = await api.db.container.database.db
      .selectFrom('api_keys')
      .select('id')
      .where('kind', '=', 'operator')
      .executeTakeFirstOrThrow();
    const res = await api.request<Problem>('DELETE', `/admin/keys/${own.id}`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('invalid_state');
  });

  it('replays a key creation retried with the same Idempotency-Key instead of issuing a second key', async () => {
    const headers = { 'idempotency-key': 'create-pk-1' };
    const first = await api.request<Schemas['ApiKeyCreated']>('POST', '/admin/publishable-keys', {
      json: { name: 'Retry' },
      headers,
    });
    const second = await api.request<Schemas['ApiKeyCreated']>('POST', '/admin/publishable-keys', {
      json: { name: 'Retry' },
      headers,
    });
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const other = await api.request<Problem>('POST', '/admin/publishable-keys', {
      json: { name: 'Different' },
      headers,
    });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');
  });
});
