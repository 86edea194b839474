import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/test-api.js';
import type { Problem } from '../../errors.js';
import type { components } from '../../generated/openapi.js';
import { eventsOf } from '../events/index.js';

type Schemas = components['schemas'];

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const sellerByHandle = async (handle: string) => {
  const all = await api.get<Schemas['AdminSellerList']>('/admin/sellers?limit=100');
  const seller = all.body.data.find((s) => s.handle === handle);
  if (!seller) throw new Error(`no seller ${handle}`);
  return seller;
};

describe('onboarding', () => {
  it('creates a pending seller that the store does not show, and records seller.created', async () => {
    const res = await api.request<Schemas['AdminSeller']>('POST', '/admin/sellers', {
      json: { handle: 'copper-kettle', name: 'Copper Kettle', description: 'Tea things.' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      handle: 'copper-kettle',
      status: 'pending',
      commission_bps_override: null,
      effective_commission_bps: 1000,
    });
    expect((await api.get('/store/sellers/copper-kettle')).status).toBe(404);
    const events = await eventsOf(api.db.container.database.db, res.body.id);
    expect(events.map((e) => e.type)).toEqual(['seller.created']);
    expect(events[0]?.seller_id).toBe(res.body.id);
  });

  it('refuses a taken handle with 409 and a malformed one with 400', async () => {
    const taken = await api.request<Problem>('POST', '/admin/sellers', {
      json: { handle: 'atlas-outfitters', name: 'Again' },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.errors).toEqual([{ in: 'body', field: '/handle', message: 'is already taken' }]);
    const bad = await api.request<Problem>('POST', '/admin/sellers', {
      json: { handle: 'Not A Handle', name: '' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field).sort()).toEqual(['/handle', '/name']);
  });
});

describe('lifecycle', () => {
  it('approves, suspends and reactivates, refusing other transitions', async () => {
    const created = await api.request<Schemas['AdminSeller']>('POST', '/admin/sellers', {
      json: { handle: 'lifecycle-co', name: 'Lifecycle Co' },
    });
    const id = created.body.id;
    expect((await api.request<Problem>('POST', `/admin/sellers/${id}/reactivate`)).body.code).toBe(
      'invalid_state',
    );
    expect(
      (await api.request<Schemas['AdminSeller']>('POST', `/admin/sellers/${id}/approve`)).body.status,
    ).toBe('active');
    expect((await api.get('/store/sellers/lifecycle-co')).status).toBe(200);
    const again = await api.request<Problem>('POST', `/admin/sellers/${id}/approve`);
    expect(again.status).toBe(409);
    expect(
      (await api.request<Schemas['AdminSeller']>('POST', `/admin/sellers/${id}/suspend`)).body.status,
    ).toBe('suspended');
    expect(
      (await api.request<Schemas['AdminSeller']>('POST', `/admin/sellers/${id}/reactivate`)).body.status,
    ).toBe('active');
    const events = await eventsOf(api.db.container.database.db, id);
    expect(events.map((e) => e.type)).toEqual([
      'seller.created',
      'seller.approved',
      'seller.suspended',
      'seller.reactivated',
    ]);
    expect(events[2]?.data).toEqual({ seller_id: id, previous_status: 'active', status: 'suspended' });
  });

  it('takes a suspended seller’s products out of the store at once, and brings them back', async () => {
    const seller = await sellerByHandle('nordic-home');
    const before = await api.get<Schemas['ProductList']>('/store/products?seller=nordic-home&limit=5');
    const product = before.body.data[0];
    expect(product).toBeDefined();
    await api.request('POST', `/admin/sellers/${seller.id}/suspend`);
    try {
      expect((await api.get<Schemas['ProductList']>('/store/products?seller=nordic-home')).body.data).toEqual(
        [],
      );
      expect((await api.get(`/store/products/${product?.id}`)).status).toBe(404);
      const all = await api.get<Schemas['ProductList']>('/store/products?limit=100');
      expect(all.body.data.every((p) => p.seller.id !== seller.id)).toBe(true);
    } finally {
      await api.request('POST', `/admin/sellers/${seller.id}/reactivate`);
    }
    expect((await api.get(`/store/products/${product?.id}`)).status).toBe(200);
  });

  it('answers 404 for an unknown seller and 400 for a malformed id', async () => {
    expect((await api.get<Problem>('/admin/sellers/sel_00000000000000000000000000')).status).toBe(404);
    expect(
      (await api.request<Problem>('POST', '/admin/sellers/sel_00000000000000000000000000/suspend')).status,
    ).toBe(404);
    expect((await api.get<Problem>('/admin/sellers/not-an-id')).status).toBe(400);
  });
});

describe('commission and settings', () => {
  it('uses the marketplace default until a seller override is set, and back when cleared', async () => {
    const seller = await sellerByHandle('pixel-forge');
    const settings = await api.request<Schemas['MarketplaceSettings']>('PATCH', '/admin/settings', {
      json: { default_commission_bps: 1200 },
    });
    expect(settings.body.default_commission_bps).toBe(1200);
    expect(
      (await api.get<Schemas['AdminSeller']>(`/admin/sellers/${seller.id}`)).body.effective_commission_bps,
    ).toBe(1200);
    const set = await api.request<Schemas['AdminSeller']>('PUT', `/admin/sellers/${seller.id}/commission`, {
      json: { commission_bps: 750 },
    });
    expect(set.body).toMatchObject({ commission_bps_override: 750, effective_commission_bps: 750 });
    const cleared = await api.request<Schemas['AdminSeller']>(
      'PUT',
      `/admin/sellers/${seller.id}/commission`,
      { json: { commission_bps: null } },
    );
    expect(cleared.body).toMatchObject({ commission_bps_override: null, effective_commission_bps: 1200 });
    const bad = await api.request<Problem>('PUT', `/admin/sellers/${seller.id}/commission`, {
      json: { commission_bps: 10001 },
    });
    expect(bad.status).toBe(400);
    await api.request('PATCH', '/admin/settings', { json: { default_commission_bps: 1000 } });
  });
});

describe('listing', () => {
  it('filters by status and pages with a cursor', async () => {
    const suspended = await api.get<Schemas['AdminSellerList']>('/admin/sellers?status=suspended');
    expect(suspended.body.data.map((s) => s.handle)).toContain('shady-deals');
    expect(suspended.body.data.every((s) => s.status === 'suspended')).toBe(true);
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: Schemas['AdminSellerList'] } = await api.get<Schemas['AdminSellerList']>(
        `/admin/sellers?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      ids.push(...page.body.data.map((s) => s.id));
      cursor = page.body.next_cursor;
    } while (cursor);
    const all = await api.get<Schemas['AdminSellerList']>('/admin/sellers?limit=100');
    expect(ids).toEqual(all.body.data.map((s) => s.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
