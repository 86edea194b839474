import { describe, expect, it } from 'vitest';
import { demoOracle } from '../../../test/support/demo-oracle.js';
import {
  ATLAS_ID,
  createProduct,
  createPublished,
  eventsFor,
  newProductBody,
  type SellerProduct,
} from '../../../test/support/seller-catalog.js';
import { testApiForFile } from '../../../test/support/test-api.js';
import type { Problem } from '../../errors.js';
import type { components } from '../../generated/openapi.js';

type Schemas = components['schemas'];
type ProductList = Schemas['ProductList'];

const oracle = demoOracle();
const api = testApiForFile();

/** A product with sizes 42–44 and only the first two as variants, so a 44 can be added. */
const threeSizes = () => ({
  options: [{ name: 'Size', values: ['42', '43', '44'] }],
});

describe('POST /seller/products/{productId}/variants', () => {
  it('adds a variant, returns the product and records variant.created', async () => {
    const p = await createProduct(api, threeSizes());
    const sku = `${p.variants[0]?.sku}-44`;
    const res = await api.request<SellerProduct>('POST', `/seller/products/${p.id}/variants`, {
      json: {
        sku,
        options: { Size: '44' },
        prices: [{ amount: 15900, currency: 'USD' }],
        inventory_quantity: 3,
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.variants).toHaveLength(3);
    const added = res.body.variants[2];
    expect(added).toMatchObject({ sku, title: '44', options: { Size: '44' }, inventory_quantity: 3 });
    expect(res.body.variants.slice(0, 2)).toEqual(p.variants);
    expect((await eventsFor(api, added?.id ?? '')).at(-1)).toEqual({
      type: 'variant.created',
      seller_id: ATLAS_ID,
      data: {
        variant_id: added?.id,
        product_id: p.id,
        sku,
        title: '44',
        options: { Size: '44' },
        prices: [{ amount: 15900, currency: 'USD' }],
        inventory_quantity: 3,
      },
    });
  });

  it.each([
    ['options another variant has', () => ({ sku: 'NEW-SKU-A', options: { Size: '42' } }), 409, 'conflict'],
    [
      'a taken SKU',
      () => ({ sku: oracle.catalog.variants[0]?.sku, options: { Size: '44' } }),
      409,
      'conflict',
    ],
    [
      'a value the option lacks',
      () => ({ sku: 'NEW-SKU-B', options: { Size: '45' } }),
      400,
      'validation_failed',
    ],
    ['a missing option', () => ({ sku: 'NEW-SKU-C' }), 400, 'validation_failed'],
    [
      'two prices in one currency',
      () => ({
        sku: 'NEW-SKU-D',
        options: { Size: '44' },
        prices: [
          { amount: 1, currency: 'EUR' },
          { amount: 2, currency: 'EUR' },
        ],
      }),
      400,
      'validation_failed',
    ],
    ['a SKU with spaces', () => ({ sku: 'HAS SPACE', options: { Size: '44' } }), 400, 'validation_failed'],
  ])('refuses %s and adds nothing', async (_label, make, status, code) => {
    const p = await createProduct(api, threeSizes());
    const res = await api.request<Problem>('POST', `/seller/products/${p.id}/variants`, { json: make() });
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    expect((await api.get<SellerProduct>(`/seller/products/${p.id}`)).body).toEqual(p);
  });

  it('replays a retried add with the same Idempotency-Key instead of adding twice', async () => {
    const p = await createProduct(api, threeSizes());
    const json = { sku: `${p.variants[0]?.sku}-44`, options: { Size: '44' } };
    const headers = { 'idempotency-key': `variant-${p.id}` };
    const first = await api.request<SellerProduct>('POST', `/seller/products/${p.id}/variants`, {
      json,
      headers,
    });
    const retry = await api.request<SellerProduct>('POST', `/seller/products/${p.id}/variants`, {
      json,
      headers,
    });
    expect(first.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect((await api.get<SellerProduct>(`/seller/products/${p.id}`)).body.variants).toHaveLength(3);
  });
});

describe('PATCH /seller/products/{productId}/variants/{variantId}', () => {
  it('changes the given fields, replaces the prices, and records variant.updated and inventory.updated', async () => {
    const p = await createProduct(api, threeSizes());
    const v = p.variants[0];
    const res = await api.request<SellerProduct>('PATCH', `/seller/products/${p.id}/variants/${v?.id}`, {
      json: {
        sku: `${v?.sku}-X`,
        title: 'Size 44',
        options: { Size: '44' },
        prices: [{ amount: 9900, currency: 'GBP' }],
        inventory_quantity: 12,
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.variants[0]).toEqual({
      id: v?.id,
      sku: `${v?.sku}-X`,
      title: 'Size 44',
      options: { Size: '44' },
      prices: [{ amount: 9900, currency: 'GBP' }],
      inventory_quantity: 12,
    });
    expect(res.body.variants[1]).toEqual(p.variants[1]);
    const events = await eventsFor(api, v?.id ?? '');
    expect(events).toEqual([
      {
        type: 'variant.updated',
        seller_id: ATLAS_ID,
        data: {
          variant_id: v?.id,
          product_id: p.id,
          sku: `${v?.sku}-X`,
          changed: ['sku', 'title', 'options', 'prices'],
          title: 'Size 44',
          options: { Size: '44' },
          prices: [{ amount: 9900, currency: 'GBP' }],
          inventory_quantity: 12,
        },
      },
      {
        type: 'inventory.updated',
        seller_id: ATLAS_ID,
        data: {
          variant_id: v?.id,
          product_id: p.id,
          sku: `${v?.sku}-X`,
          inventory_quantity: 12,
          previous_quantity: 5,
        },
      },
    ]);
  });

  it('treats a stock-only change as inventory: no variant.updated, product updated_at unchanged', async () => {
    const p = await createProduct(api);
    const v = p.variants[1];
    const res = await api.request<SellerProduct>('PATCH', `/seller/products/${p.id}/variants/${v?.id}`, {
      json: { inventory_quantity: 7, title: v?.title },
    });
    expect(res.body.variants[1]?.inventory_quantity).toBe(7);
    expect(res.body.updated_at).toBe(p.updated_at);
    expect((await eventsFor(api, v?.id ?? '')).map((e) => e.type)).toEqual(['inventory.updated']);
  });

  it('renames a variant whose title was its option values when its options change, not one with its own title', async () => {
    const p = await createProduct(api, threeSizes());
    const [derived, named] = p.variants;
    const a = await api.request<SellerProduct>('PATCH', `/seller/products/${p.id}/variants/${derived?.id}`, {
      json: { options: { Size: '44' } },
    });
    expect(a.body.variants[0]).toMatchObject({ title: '44', options: { Size: '44' } });
    const b = await api.request<SellerProduct>('PATCH', `/seller/products/${p.id}/variants/${named?.id}`, {
      json: { options: { Size: '42' } },
    });
    expect(b.body.variants[1]).toMatchObject({ title: 'Forty-three', options: { Size: '42' } });
  });

  it.each([
    ['options another variant has', { options: { Size: '43' } }, 409, 'conflict'],
    ['a SKU another variant has', 'taken-sku', 409, 'conflict'],
    ['an unknown option', { options: { Colour: 'Red' } }, 400, 'validation_failed'],
    ['an empty body', {}, 400, 'validation_failed'],
    ['a negative stock', { inventory_quantity: -3 }, 400, 'validation_failed'],
  ])('refuses %s and changes nothing', async (_label, json, status, code) => {
    const p = await createProduct(api);
    const body = json === 'taken-sku' ? { sku: p.variants[1]?.sku } : json;
    const res = await api.request<Problem>(
      'PATCH',
      `/seller/products/${p.id}/variants/${p.variants[0]?.id}`,
      {
        json: body,
      },
    );
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    expect((await api.get<SellerProduct>(`/seller/products/${p.id}`)).body).toEqual(p);
  });

  it('answers 404 for a variant of another product, even of the same seller', async () => {
    const a = await createProduct(api);
    const b = await createProduct(api);
    const res = await api.request<Problem>(
      'PATCH',
      `/seller/products/${a.id}/variants/${b.variants[0]?.id}`,
      {
        json: { title: 'Moved' },
      },
    );
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
    expect((await api.get<SellerProduct>(`/seller/products/${b.id}`)).body).toEqual(b);
  });

  it('keeps a priced variant on a published product: removing the last prices is 409 invalid_state', async () => {
    const p = await createPublished(api);
    const [first, second] = p.variants;
    const ok = await api.request<SellerProduct>('PATCH', `/seller/products/${p.id}/variants/${first?.id}`, {
      json: { prices: [] },
    });
    expect(ok.status).toBe(200);
    const refused = await api.request<Problem>('PATCH', `/seller/products/${p.id}/variants/${second?.id}`, {
      json: { prices: [] },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('invalid_state');
    const after = await api.get<SellerProduct>(`/seller/products/${p.id}`);
    expect(after.body.variants[1]?.prices).toEqual(second?.prices);
    // A draft may have no price at all.
    await api.request('POST', `/seller/products/${p.id}/unpublish`);
    const draft = await api.request<SellerProduct>(
      'PATCH',
      `/seller/products/${p.id}/variants/${second?.id}`,
      {
        json: { prices: [] },
      },
    );
    expect(draft.status).toBe(200);
  });
});

describe('DELETE /seller/products/{productId}/variants/{variantId}', () => {
  it('deletes a variant and records variant.deleted', async () => {
    const p = await createProduct(api);
    const v = p.variants[1];
    const res = await api.request('DELETE', `/seller/products/${p.id}/variants/${v?.id}`);
    expect(res.status).toBe(204);
    const after = await api.get<SellerProduct>(`/seller/products/${p.id}`);
    expect(after.body.variants.map((x) => x.id)).toEqual([p.variants[0]?.id]);
    expect(await eventsFor(api, v?.id ?? '')).toEqual([
      {
        type: 'variant.deleted',
        seller_id: ATLAS_ID,
        data: { variant_id: v?.id, product_id: p.id, sku: v?.sku, title: v?.title },
      },
    ]);
    expect((await api.request<Problem>('DELETE', `/seller/products/${p.id}/variants/${v?.id}`)).status).toBe(
      404,
    );
  });

  it('refuses to delete the last variant of a published product (409 invalid_state), allows it on a draft', async () => {
    const body = newProductBody();
    const p = await createPublished(api, { variants: [body.variants[0] ?? { sku: 'unused' }] });
    const only = p.variants[0]?.id;
    const refused = await api.request<Problem>('DELETE', `/seller/products/${p.id}/variants/${only}`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('invalid_state');
    expect((await api.get<SellerProduct>(`/seller/products/${p.id}`)).body.variants).toHaveLength(1);
    await api.request('POST', `/seller/products/${p.id}/unpublish`);
    expect((await api.request('DELETE', `/seller/products/${p.id}/variants/${only}`)).status).toBe(204);
    const publish = await api.request<Problem>('POST', `/seller/products/${p.id}/publish`);
    expect(publish.status).toBe(409);
    expect(publish.body.code).toBe('invalid_state');
  });

  it('refuses to delete the last priced variant of a published product', async () => {
    const body = newProductBody();
    const p = await createPublished(api, {
      variants: [
        body.variants[0] ?? { sku: 'unused' },
        { ...body.variants[1], sku: `${body.handle}-43`, prices: [] },
      ],
    });
    const res = await api.request<Problem>(
      'DELETE',
      `/seller/products/${p.id}/variants/${p.variants[0]?.id}`,
    );
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('invalid_state');
  });
});

describe('price ranges follow every price write', () => {
  /** The first product of a store listing. */
  const first = async (query: string) =>
    (await api.get<ProductList>(`/store/products?${query}&limit=1`)).body.data[0];

  it('moves a product through the store price sorts and filters as its prices change', async () => {
    const cheapest = Math.min(...oracle.visible.flatMap((p) => p.prices.USD ?? []));
    const dearest = Math.max(...oracle.visible.flatMap((p) => p.prices.USD ?? []));
    expect(cheapest).toBeGreaterThan(1);
    const p = await createPublished(api);
    const [v42, v43] = p.variants;
    const patch = (variantId: string | undefined, json: unknown) =>
      api.request<SellerProduct>('PATCH', `/seller/products/${p.id}/variants/${variantId}`, { json });

    // Cheapest in the marketplace: first by price_asc, with the new minimum as its range.
    await patch(v42?.id, { prices: [{ amount: 1, currency: 'USD' }] });
    const asc = await first('currency=USD&sort=price_asc');
    expect(asc?.id).toBe(p.id);
    expect(asc?.price_range).toEqual({
      min: { amount: 1, currency: 'USD' },
      max: { amount: 13900, currency: 'USD' },
    });
    const inRange = await api.get<ProductList>('/store/products?currency=USD&min_price=1&max_price=1');
    expect(inRange.body.data.map((x) => x.id)).toEqual([p.id]);

    // Dearest: sorts by the lowest price, so both variants must rise above every other product.
    await patch(v42?.id, { prices: [{ amount: dearest + 1000, currency: 'USD' }] });
    await patch(v43?.id, { prices: [{ amount: dearest + 2000, currency: 'USD' }] });
    expect((await first('currency=USD&sort=price_desc'))?.id).toBe(p.id);
    expect((await first('currency=USD&sort=price_asc'))?.id).not.toBe(p.id);

    // A currency it had no price in: absent from EUR price sorts until a EUR price appears.
    const noEur = await api.get<ProductList>(
      '/store/products?currency=EUR&sort=price_asc&seller=atlas-outfitters&limit=100',
    );
    expect(noEur.body.data.map((x) => x.id)).not.toContain(p.id);
    await patch(v43?.id, {
      prices: [
        { amount: dearest + 2000, currency: 'USD' },
        { amount: 2, currency: 'EUR' },
      ],
    });
    const eur = await first('currency=EUR&sort=price_asc');
    expect(eur?.id).toBe(p.id);
    expect(eur?.price_range).toEqual({
      min: { amount: 2, currency: 'EUR' },
      max: { amount: 2, currency: 'EUR' },
    });
  });

  it('drops a deleted variant’s price from the range, and counts an added variant’s', async () => {
    const p = await createPublished(api, threeSizes());
    const [v42] = p.variants;
    await api.request('PATCH', `/seller/products/${p.id}/variants/${v42?.id}`, {
      json: { prices: [{ amount: 1, currency: 'USD' }] },
    });
    expect((await first('currency=USD&sort=price_asc'))?.id).toBe(p.id);
    await api.request('DELETE', `/seller/products/${p.id}/variants/${v42?.id}`);
    const store = await api.get<Schemas['Product']>(`/store/products/${p.id}?currency=USD`);
    expect(store.body.price_range).toEqual({
      min: { amount: 13900, currency: 'USD' },
      max: { amount: 13900, currency: 'USD' },
    });
    expect((await first('currency=USD&sort=price_asc'))?.id).not.toBe(p.id);

    await api.request('POST', `/seller/products/${p.id}/variants`, {
      json: { sku: `${p.handle}-44`, options: { Size: '44' }, prices: [{ amount: 1, currency: 'USD' }] },
    });
    expect((await first('currency=USD&sort=price_asc'))?.id).toBe(p.id);
  });
});
