import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOracle } from '../../../test/support/demo-oracle.js';
import { startTestApi, type TestApi } from '../../../test/support/test-api.js';
import type { Problem } from '../../errors.js';
import type { components } from '../../generated/openapi.js';

type Schemas = components['schemas'];

const oracle = demoOracle();
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

describe('GET /store/products/{idOrHandle}', () => {
  const product = oracle.visible.find((p) => p.prices.EUR) ?? oracle.visible[0];

  it('finds a published product by id and by handle, with the same body', async () => {
    const byId = await api.get<Schemas['Product']>(`/store/products/${product?.id}`);
    const byHandle = await api.get<Schemas['Product']>(`/store/products/${product?.handle}`);
    expect(byId.status).toBe(200);
    expect(byHandle.body).toEqual(byId.body);
    expect(byId.body.id).toBe(product?.id);
    const variants = oracle.catalog.variants.filter((v) => v.product_id === product?.id);
    expect(byId.body.variants.map((v) => v.id)).toEqual(variants.map((v) => v.id));
    expect(byId.body.variants.map((v) => v.available_quantity)).toEqual(
      variants.map((v) => v.inventory_quantity),
    );
    expect(byId.body.variants[0]?.price?.currency).toBe('USD'); // the configured default currency
  });

  it('prices in the requested currency', async () => {
    const res = await api.get<Schemas['Product']>(`/store/products/${product?.handle}?currency=EUR`);
    expect(res.body.price_range?.min).toEqual({
      amount: Math.min(...(product?.prices.EUR ?? [])),
      currency: 'EUR',
    });
    const noEuro = oracle.visible.find((p) => !p.prices.EUR);
    const other = await api.get<Schemas['Product']>(`/store/products/${noEuro?.id}?currency=EUR`);
    expect(other.body.price_range).toBeNull();
    expect(other.body.variants.every((v) => v.price === null)).toBe(true);
  });

  it.each([
    ['a draft', () => oracle.products.find((p) => p.status === 'draft' && p.visible === false)?.handle],
    // By id, a primary-key look-up of its own (anything that cannot be a handle is looked up as an id).
    ['a draft, by id', () => oracle.products.find((p) => p.status === 'draft' && p.visible === false)?.id],
    ['a suspended seller’s product', () => oracle.products.find((p) => p.sellerHandle === 'shady-deals')?.id],
    [
      'a pending seller’s product',
      () => oracle.products.find((p) => p.sellerHandle === 'quiet-pages')?.handle,
    ],
    ['an unknown handle', () => 'no-such-product'],
    ['an unknown id', () => 'prod_00000000000000000000000000'],
  ])('does not find %s', async (_label, pick) => {
    const key = pick();
    expect(key).toBeTruthy();
    const res = await api.get<Problem>(`/store/products/${key}`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
  });
});

describe('GET /store/categories', () => {
  it('lists the whole tree depth-first with consistent parents, depths and paths', async () => {
    const res = await api.get<Schemas['CategoryList']>('/store/categories');
    const list = res.body.data;
    expect(list).toHaveLength(oracle.catalog.categories.length);
    expect(list.length).toBeGreaterThanOrEqual(20);
    const seen = new Map<string, Schemas['Category']>();
    for (const c of list) {
      const parent = c.parent_id ? seen.get(c.parent_id) : undefined;
      if (c.parent_id) expect(parent, `${c.handle} listed before its parent`).toBeDefined();
      expect(c.depth).toBe(parent ? parent.depth + 1 : 0);
      expect(c.path).toEqual([...(parent?.path ?? []), c.handle]);
      seen.set(c.id, c);
    }
    expect(list[0]?.handle).toBe('apparel');
    expect(list.find((c) => c.handle === 'cookware')?.path).toEqual(['home', 'kitchen', 'cookware']);
  });
});

describe('GET /store/sellers/{idOrHandle}', () => {
  it('finds an active seller by handle and by id', async () => {
    const byHandle = await api.get<Schemas['Seller']>('/store/sellers/nordic-home');
    expect(byHandle.status).toBe(200);
    const byId = await api.get<Schemas['Seller']>(`/store/sellers/${byHandle.body.id}`);
    expect(byId.body).toEqual(byHandle.body);
    expect(byHandle.body).toMatchObject({ handle: 'nordic-home', name: 'Nordic Home', status: 'active' });
  });

  it.each(['quiet-pages', 'shady-deals', 'nobody'])(
    'does not find %s (pending, suspended, unknown)',
    async (handle) => {
      const res = await api.get<Problem>(`/store/sellers/${handle}`);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('not_found');
    },
  );
});
