/** A seller's products after creation: publishing, the seller's list, changes and deletion. */
import { describe, expect, it } from 'vitest';
import { byNewest, demoOracle } from '../../../test/support/demo-oracle.js';
import {
  ATLAS_ID,
  createProduct,
  createPublished,
  eventsFor,
  newProductBody,
  type SellerProduct,
  sellerIdByHandle,
} from '../../../test/support/seller-catalog.js';
import { testApiForFile } from '../../../test/support/test-api.js';
import type { Problem } from '../../errors.js';
import type { components } from '../../generated/openapi.js';

type Schemas = components['schemas'];

const oracle = demoOracle();
const api = testApiForFile();

describe('publishing', () => {
  it('shows a product in the store only once published, and hides it again when unpublished', async () => {
    const p = await createProduct(api);
    expect((await api.get(`/store/products/${p.handle}`)).status).toBe(404);

    const published = await api.request<SellerProduct>('POST', `/seller/products/${p.id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    const store = await api.get<Schemas['Product']>(`/store/products/${p.handle}?currency=USD`);
    expect(store.status).toBe(200);
    expect(store.body).toMatchObject({
      id: p.id,
      seller: { id: ATLAS_ID, handle: 'atlas-outfitters' },
      price_range: { min: { amount: 12900, currency: 'USD' }, max: { amount: 13900, currency: 'USD' } },
    });
    expect(store.body.variants.map((v) => v.available_quantity)).toEqual([5, 0]);
    const listed = await api.get<Schemas['ProductList']>('/store/products?seller=atlas-outfitters&limit=5');
    expect(listed.body.data[0]?.id).toBe(p.id); // the newest product of the seller

    // Publishing again changes nothing and records nothing.
    expect((await api.request('POST', `/seller/products/${p.id}/publish`)).status).toBe(200);
    const unpublished = await api.request<SellerProduct>('POST', `/seller/products/${p.id}/unpublish`);
    expect(unpublished.body.status).toBe('draft');
    expect((await api.get(`/store/products/${p.id}`)).status).toBe(404);
    expect((await eventsFor(api, p.id)).map((e) => e.type)).toEqual([
      'product.created',
      'product.published',
      'product.unpublished',
    ]);
    expect((await eventsFor(api, p.id))[1]).toEqual({
      type: 'product.published',
      seller_id: ATLAS_ID,
      data: { product_id: p.id, handle: p.handle, status: 'published' },
    });
  });

  it('refuses to publish a product with no priced variant (409 invalid_state)', async () => {
    const body = newProductBody();
    const p = await createProduct(api, { variants: body.variants.map((v) => ({ ...v, prices: [] })) });
    const res = await api.request<Problem>('POST', `/seller/products/${p.id}/publish`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('invalid_state');
    expect((await api.get<SellerProduct>(`/seller/products/${p.id}`)).body.status).toBe('draft');
  });

  it.each([
    ['pending', 'quiet-pages'],
    ['suspended', 'shady-deals'],
  ])('lets a %s seller manage its catalog, while the store shows none of it', async (_status, handle) => {
    const secret = `sk_test_${handle}_key`;
    const sellerId = await sellerIdByHandle(api, handle);
    await api.db.container.apiKeys.createWithValue({ kind: 'seller', sellerId, name: handle, secret });
    const created = await createProduct(api, {}, secret);
    expect(created.seller_id).toBe(sellerId);
    const published = await api.request<SellerProduct>('POST', `/seller/products/${created.id}/publish`, {
      key: secret,
    });
    expect(published.body.status).toBe('published');
    const own = await api.get<Schemas['SellerProductList']>('/seller/products?status=published&limit=100', {
      key: secret,
    });
    expect(own.body.data.map((p) => p.id)).toContain(created.id);
    expect((await api.get(`/store/products/${created.handle}`)).status).toBe(404);
    const listed = await api.get<Schemas['ProductList']>(`/store/products?seller=${sellerId}`);
    expect(listed.body.data).toEqual([]);
  });
});

describe('GET /seller/products', () => {
  /** Follows next_cursor to the end; every product listed must be the caller's. */
  async function walk(query: string, limit: number): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 200; page++) {
      const url: string = `/seller/products?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await api.get<Schemas['SellerProductList']>(url);
      expect(res.status, url).toBe(200);
      expect(res.body.data.every((p) => p.seller_id === ATLAS_ID)).toBe(true);
      ids.push(...res.body.data.map((p) => p.id));
      cursor = res.body.next_cursor;
      if (!cursor) return ids;
      expect(res.body.data).toHaveLength(limit);
    }
    throw new Error('pagination did not end');
  }

  it('lists every own product once, drafts included, newest first, and filters by status', async () => {
    const created = await createProduct(api);
    const demo = oracle.products.filter((p) => p.sellerId === ATLAS_ID).sort(byNewest);
    const all = await walk('', 37);
    // Products made by this test file are newer than the demo's; the demo's follow in the oracle's order.
    expect(all[0]).toBe(created.id);
    expect(all.slice(-demo.length)).toEqual(demo.map((p) => p.id));
    expect(new Set(all).size).toBe(all.length);

    const drafts = await walk('status=draft', 5);
    const demoDrafts = demo.filter((p) => p.status === 'draft').map((p) => p.id);
    expect(demoDrafts.length).toBeGreaterThan(1);
    expect(drafts.slice(-demoDrafts.length)).toEqual(demoDrafts);
    expect(drafts).toContain(created.id);
    const published = await walk('status=published', 50);
    expect(published).not.toContain(created.id);
    expect([...published, ...drafts].sort()).toEqual([...all].sort());
  });

  it('shows a demo product with the stock and every price of each variant', async () => {
    const demo = oracle.products.find((p) => p.sellerId === ATLAS_ID && p.prices.EUR);
    const res = await api.get<SellerProduct>(`/seller/products/${demo?.id}`);
    const variants = oracle.catalog.variants.filter((v) => v.product_id === demo?.id);
    expect(res.body.variants.map((v) => [v.sku, v.inventory_quantity])).toEqual(
      variants.map((v) => [v.sku, v.inventory_quantity]),
    );
    const prices = oracle.catalog.prices.filter((p) => p.product_id === demo?.id);
    expect(res.body.variants.flatMap((v) => v.prices).length).toBe(prices.length);
    expect(res.body.variants[0]?.prices.map((p) => p.currency)).toEqual(['EUR', 'USD']);
  });

  it.each([
    ['status=archived', 'validation_failed'],
    ['limit=0', 'validation_failed'],
    ['limit=101', 'validation_failed'],
    ['cursor=garbage', 'invalid_cursor'],
  ])('refuses %s', async (query, code) => {
    const res = await api.get<Problem>(`/seller/products?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(code);
  });

  it('refuses a cursor made for another status', async () => {
    const page = await api.get<Schemas['SellerProductList']>('/seller/products?status=published&limit=2');
    const res = await api.get<Problem>(`/seller/products?status=draft&cursor=${page.body.next_cursor}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_cursor');
  });
});

describe('PATCH and DELETE /seller/products/{productId}', () => {
  it('changes only the given fields, records which, and the store shows the change', async () => {
    const p = await createPublished(api);
    const handle = `${p.handle}-renamed`;
    const res = await api.request<SellerProduct>('PATCH', `/seller/products/${p.id}`, {
      json: {
        handle,
        title: 'Renamed Boot',
        category: null,
        attributes: { material: 'suede' },
        images: [],
        description: p.description, // unchanged: not listed as changed
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      handle,
      title: 'Renamed Boot',
      category: null,
      attributes: { material: 'suede' },
      images: [],
      description: p.description,
      status: 'published',
    });
    expect(res.body.variants).toEqual(p.variants);
    expect(Date.parse(res.body.updated_at)).toBeGreaterThanOrEqual(Date.parse(p.updated_at));
    const events = await eventsFor(api, p.id);
    expect(events.at(-1)).toEqual({
      type: 'product.updated',
      seller_id: ATLAS_ID,
      data: {
        product_id: p.id,
        handle,
        previous_handle: p.handle,
        title: 'Renamed Boot',
        status: 'published',
        changed: ['handle', 'title', 'category', 'attributes', 'images'],
      },
    });
    const store = await api.get<Schemas['Product']>(`/store/products/${handle}`);
    expect(store.body).toMatchObject({ id: p.id, title: 'Renamed Boot', category: null });

    // The same values again: nothing is written, nothing recorded.
    const same = await api.request<SellerProduct>('PATCH', `/seller/products/${p.id}`, {
      json: { title: 'Renamed Boot', attributes: { material: 'suede' } },
    });
    expect(same.body.updated_at).toBe(res.body.updated_at);
    expect(await eventsFor(api, p.id)).toHaveLength(events.length);

    const withCategory = await api.request<SellerProduct>('PATCH', `/seller/products/${p.id}`, {
      json: { category: 'home' },
    });
    expect(withCategory.body.category?.handle).toBe('home');
  });

  it.each([
    ['a taken handle', () => ({ handle: oracle.products[1]?.handle }), 409, 'conflict'],
    ['an unknown category', () => ({ category: 'nowhere' }), 400, 'validation_failed'],
    ['an empty body', () => ({}), 400, 'validation_failed'],
    ['an unknown field', () => ({ status: 'published' }), 400, 'validation_failed'],
    ['a blank title', () => ({ title: '' }), 400, 'validation_failed'],
  ])('refuses %s and changes nothing', async (_label, make, status, code) => {
    const p = await createProduct(api);
    const res = await api.request<Problem>('PATCH', `/seller/products/${p.id}`, { json: make() });
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    expect((await api.get(`/seller/products/${p.id}`)).body).toEqual(p);
  });

  it('deletes a published product with everything it has; the store and price index forget it', async () => {
    const p = await createPublished(api);
    const res = await api.request('DELETE', `/seller/products/${p.id}`);
    expect(res.status).toBe(204);
    expect(res.body).toBe('');
    expect((await api.get<Problem>(`/seller/products/${p.id}`)).status).toBe(404);
    expect((await api.get(`/store/products/${p.id}`)).status).toBe(404);
    const db = api.db.container.database.db;
    const left = await db
      .selectFrom('product_price_ranges')
      .select('currency')
      .where('product_id', '=', p.id)
      .execute();
    expect(left).toEqual([]);
    const variants = await db.selectFrom('variants').select('id').where('product_id', '=', p.id).execute();
    expect(variants).toEqual([]);
    expect((await eventsFor(api, p.id)).at(-1)).toEqual({
      type: 'product.deleted',
      seller_id: ATLAS_ID,
      data: {
        product_id: p.id,
        handle: p.handle,
        status: 'published',
        variants: p.variants.map((v) => ({ variant_id: v.id, sku: v.sku })),
      },
    });
    expect((await api.request<Problem>('DELETE', `/seller/products/${p.id}`)).status).toBe(404);
  });

  it('answers 404 for an unknown product id and 400 for a malformed one', async () => {
    const unknown = await api.get<Problem>('/seller/products/prod_01ZZZZZZZZZZZZZZZZZZZZZZZZ');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('not_found');
    const malformed = await api.get<Problem>('/seller/products/not-an-id');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors?.[0]).toMatchObject({ in: 'path', field: 'productId' });
  });
});
