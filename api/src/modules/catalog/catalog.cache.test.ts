import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../../test/support/eventually.js';
import { startTestApi, type TestApi } from '../../../test/support/test-api.js';
import type { components } from '../../generated/openapi.js';

type ProductList = components['schemas']['ProductList'];

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ env: { CATALOG_CACHE_TTL_MS: '60000', CATALOG_CACHE_POLL_MS: '50' } });
});
afterAll(() => api?.close());

describe('catalog read cache', () => {
  it('serves a repeated listing from memory until a change is committed through the API', async () => {
    const first = await api.get<ProductList>('/store/products?seller=nordic-home&limit=5');
    const product = first.body.data[0];
    // A change made behind the API's back records no event, so the cache keeps serving the page:
    // this proves the second read did not go to the database.
    await api.db.container.database.db
      .updateTable('products')
      .set({ title: 'Renamed Quietly' })
      .where('id', '=', product?.id ?? '')
      .execute();
    await new Promise((r) => setTimeout(r, 200));
    const second = await api.get<ProductList>('/store/products?seller=nordic-home&limit=5');
    expect(second.body).toEqual(first.body);
    // A change through the API commits an outbox event; the watcher sees it and drops the cache.
    await api.request('POST', '/admin/publishable-keys', { json: { name: 'touch' } });
    await api.request('PATCH', '/admin/settings', { json: { default_commission_bps: 1000 } });
    const sellers = await api.get<components['schemas']['AdminSellerList']>('/admin/sellers?status=pending');
    await api.request('POST', `/admin/sellers/${sellers.body.data[0]?.id}/approve`);
    const renamed = await eventually(
      async () =>
        (await api.get<ProductList>('/store/products?seller=nordic-home&limit=5')).body.data[0]?.title ===
        'Renamed Quietly',
    );
    expect(renamed).toBe(true);
  });

  it('drops cached pages once a committed change reaches the outbox', async () => {
    const before = await api.get<ProductList>('/store/products?seller=nordic-home&limit=5');
    expect(before.body.data.length).toBeGreaterThan(0);
    const sellers = await api.get<components['schemas']['AdminSellerList']>('/admin/sellers?limit=100');
    const nordic = sellers.body.data.find((s) => s.handle === 'nordic-home');
    await api.request('POST', `/admin/sellers/${nordic?.id}/suspend`);
    try {
      const emptied = await eventually(
        async () =>
          (await api.get<ProductList>('/store/products?seller=nordic-home&limit=5')).body.data.length === 0,
      );
      expect(emptied).toBe(true);
    } finally {
      await api.request('POST', `/admin/sellers/${nordic?.id}/reactivate`);
    }
    const back = await eventually(
      async () =>
        (await api.get<ProductList>('/store/products?seller=nordic-home&limit=5')).body.data.length > 0,
    );
    expect(back).toBe(true);
  });

  it('answers a cached page with the bytes and headers of the first answer', async () => {
    const answer = async (url: string) => {
      const res = await api.request('GET', url);
      return {
        status: res.status,
        type: res.headers.get('content-type'),
        length: res.headers.get('content-length'),
        rateLimit: res.headers.get('ratelimit-policy'),
        text: JSON.stringify(res.body),
      };
    };
    // The first answer is kept only when no change was committed while it was read (the previous
    // test's writes can still be reaching the watcher); one that was not goes out as any uncached
    // answer does. So a fresh page is asked until its second answer came from memory (no statement),
    // which only a kept first answer can give.
    let miss: Awaited<ReturnType<typeof answer>> | undefined;
    let hit: typeof miss;
    for (let limit = 4; limit < 24 && !hit; limit++) {
      const url = `/store/products?seller=atlas-outfitters&limit=${limit}`;
      miss = await answer(url);
      api.resetQueryCount();
      const second = await answer(url);
      if (api.queryCount({ requestsOnly: true }) === 0) hit = second;
    }
    expect(hit).toBeDefined();
    expect(miss?.status).toBe(200);
    expect(miss?.type).toBe('application/json; charset=utf-8');
    expect(hit).toEqual(miss);
  });

  it('answers a hit with every header and byte of its miss, listing and detail', async () => {
    const first = await api.get<ProductList>('/store/products?limit=10');
    const ids = first.body.data.map((p) => p.id);
    expect(ids).toHaveLength(10);
    const hits = async () => {
      const res = await fetch(`${api.url}/metrics`);
      const line = /souk_cache_requests_total\{cache="catalog_responses",result="hit"\} (\d+)/.exec(
        await res.text(),
      );
      return Number(line?.[1] ?? 0);
    };
    // Sent raw (not through the spec-checking helper) so the bytes and headers are compared as they came.
    const answer = async (path: string, requestId: string) => {
      const res = await fetch(`${api.url}${path}`, {
        headers: {
          'x-api-key': 'pk_demo_storefront',
          'x-request-id': requestId,
          origin: 'https://shop.example',
        },
      });
      const headers = Object.fromEntries(
        [...res.headers].filter(
          ([name]) => name !== 'date' && name !== 'x-request-id' && name !== 'ratelimit',
        ),
      );
      return {
        status: res.status,
        requestId: res.headers.get('x-request-id'),
        // The budget counts down and its reset moves between the two answers: their form is compared.
        rateLimit: res.headers.get('ratelimit')?.replace(/r=\d+;t=\d+$/, 'r=N;t=T'),
        headers,
        bytes: Buffer.from(await res.arrayBuffer()).toString('base64'),
      };
    };
    // A first answer read while a change committed is not kept (see the test above): each kind of
    // page is asked fresh until its second answer was a hit, then the pair is compared.
    const pages = [
      (i: number) => `/store/products?limit=${5 + i}&sort=newest`,
      (i: number) => `/store/products/${ids[i]}?currency=EUR`,
    ];
    for (const pageAt of pages) {
      let pair:
        | { miss: Awaited<ReturnType<typeof answer>>; hit: Awaited<ReturnType<typeof answer>> }
        | undefined;
      for (let i = 0; i < 10 && !pair; i++) {
        const before = await hits();
        const miss = await answer(pageAt(i), 'cache-miss-1');
        const hit = await answer(pageAt(i), 'cache-hit-1');
        if ((await hits()) === before + 1) pair = { miss, hit };
      }
      expect(pair).toBeDefined();
      const { miss, hit } = pair as NonNullable<typeof pair>;
      expect(miss.status).toBe(200);
      expect(miss.requestId).toBe('cache-miss-1');
      expect(hit.requestId).toBe('cache-hit-1');
      expect(miss.rateLimit).toBe('"publishable";r=N;t=T');
      expect(miss.headers).toMatchObject({
        'access-control-allow-origin': '*',
        'access-control-expose-headers': expect.stringContaining('X-Request-Id'),
        'content-type': 'application/json; charset=utf-8',
        'ratelimit-policy': expect.stringMatching(/^"publishable";q=\d+;w=\d+$/),
        vary: 'Origin, Accept-Encoding',
      });
      expect({ ...hit, requestId: miss.requestId }).toEqual(miss);
    }
  });

  it('still checks the key on every request for a cached page', async () => {
    const url = '/store/products?seller=atlas-outfitters&limit=3';
    expect((await api.get(url)).status).toBe(200);
    expect((await api.get(url)).status).toBe(200);
    expect((await api.get(url, { key: null })).status).toBe(401);
    expect((await api.get(url, { key: 'sk_demo_seller_1' })).status).toBe(403);
    expect((await api.get(url, { key: 'pk_live_revoked_or_unknown_key_000000' })).status).toBe(401);
    expect((await api.get(`${url}&colour=red`)).status).toBe(400);
  });
});
