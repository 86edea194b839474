import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sellerIdByHandle } from '../../test/support/seller-catalog.js';
import { startTestApi, type TestApi } from '../../test/support/test-api.js';
import type { Problem } from '../errors.js';
import { DEMO_KEYS } from '../modules/auth/index.js';
import { fingerprint } from './cursor.js';

// Forged cursors carry the right fingerprint (it is only a hash of the filters) but a sort key or id
// that the database cannot take. Each must be refused as 400 invalid_cursor before any SQL runs.
let api: TestApi;
let endpointId: string;
beforeAll(async () => {
  api = await startTestApi({
    env: { WEBHOOK_ALLOWED_HOSTS: 'hooks.example.test', PLUGINS_IN_PROCESS: 'false', RELAY_ENABLED: 'false' },
  });
  const created = await api.request<{ endpoint: { id: string } }>('POST', '/admin/webhook-endpoints', {
    json: { url: 'https://hooks.example.test/forged', event_types: ['order.placed'] },
  });
  endpointId = created.body.endpoint.id;
});
afterAll(() => api?.close());

const forge = (k: unknown, i: unknown, f: string) =>
  Buffer.from(JSON.stringify({ v: 1, k, i, f })).toString('base64url');

const BAD_TIMES = [
  '2026-02-31T00:00:00.000Z', // no such day
  '0000-01-01T00:00:00.000Z', // no year zero in PostgreSQL
  '2026-01-01T24:00:00.000Z', // ECMAScript's end-of-day form
  '+275760-09-13T00:00:00.000Z',
];
const BAD_IDS = ['prod_\u0000', 'x'.repeat(101), 'a b', ''];

/** Each listing: its path, query, key and the scope its cursor is bound to. */
const newestListings = () => [
  {
    path: '/store/products',
    query: '',
    key: DEMO_KEYS.storefront,
    scope: [null, null, null, null, null, null, 'newest'],
  },
  { path: '/seller/products', query: '', key: DEMO_KEYS.sellers[0], scope: null },
  { path: '/seller/orders', query: '', key: DEMO_KEYS.sellers[0], scope: ['seller-orders', null] },
  { path: '/admin/orders', query: '', key: DEMO_KEYS.operator, scope: ['admin-orders'] },
  { path: '/admin/sellers', query: '', key: DEMO_KEYS.operator, scope: ['admin-sellers', null] },
  {
    path: `/admin/webhook-endpoints/${endpointId}/deliveries`,
    query: '',
    key: DEMO_KEYS.operator,
    scope: ['webhook-deliveries', endpointId, null],
  },
];

async function expectInvalidCursor(path: string, query: string, key: string, cursor: string) {
  const sep = query ? '&' : '';
  const res = await api.get<Problem>(`${path}?${query}${sep}cursor=${cursor}`, { key });
  expect(res.status, `${path} ${Buffer.from(cursor, 'base64url')}: ${JSON.stringify(res.body)}`).toBe(400);
  expect(res.body.code).toBe('invalid_cursor');
}

describe('forged cursors are 400 invalid_cursor on every listing', () => {
  it('newest-first listings: impossible dates and ids that are not ids', async () => {
    const sellerProductsScope = async () => [
      'seller-products',
      await sellerIdByHandle(api, 'atlas-outfitters'),
      null,
    ];
    for (const listing of newestListings()) {
      const f = fingerprint(listing.scope ?? (await sellerProductsScope()));
      for (const k of BAD_TIMES)
        await expectInvalidCursor(listing.path, listing.query, listing.key, forge(k, 'x_1', f));
      for (const i of BAD_IDS)
        await expectInvalidCursor(
          listing.path,
          listing.query,
          listing.key,
          forge('2026-01-01T00:00:00.000Z', i, f),
        );
    }
  });

  it('relevance: ranks out of the range of a real', async () => {
    const f = fingerprint(['boot', null, null, null, null, null, 'relevance']);
    for (const k of [1e300, 1e-300, -1, 5e38])
      await expectInvalidCursor('/store/products', 'q=boot', DEMO_KEYS.storefront, forge(k, 'prod_1', f));
    // The same check on the body route.
    const res = await api.request<Problem>('POST', '/store/products/search', {
      json: { q: 'boot', cursor: forge(1e300, 'prod_1', f) },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_cursor');
  });

  it('price sorts: amounts above the largest amount the API represents', async () => {
    const f = fingerprint([null, null, null, 'USD', null, null, 'price_asc']);
    await expectInvalidCursor(
      '/store/products',
      'currency=USD&sort=price_asc',
      DEMO_KEYS.storefront,
      forge(1_000_000_000_000, 'prod_1', f),
    );
  });

  it('still accepts the cursors the API issues', async () => {
    const first = await api.get<{ next_cursor: string | null }>('/store/products?limit=1');
    expect(first.body.next_cursor).not.toBeNull();
    const second = await api.get(`/store/products?limit=1&cursor=${first.body.next_cursor}`);
    expect(second.status).toBe(200);
  });
});
