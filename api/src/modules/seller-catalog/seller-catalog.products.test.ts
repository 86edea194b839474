/** Creating a seller's product: POST /seller/products, its checks, conflicts and replays. */
import { describe, expect, it } from 'vitest';
import { demoOracle } from '../../../test/support/demo-oracle.js';
import {
  ATLAS_ID,
  eventsFor,
  newProductBody,
  type SellerProduct,
} from '../../../test/support/seller-catalog.js';
import { testApiForFile } from '../../../test/support/test-api.js';
import type { Problem } from '../../errors.js';
import type { components } from '../../generated/openapi.js';

type Schemas = components['schemas'];

const oracle = demoOracle();
const api = testApiForFile();

const productCount = async (handle: string) =>
  (
    await api.db.container.database.db
      .selectFrom('products')
      .select('id')
      .where('handle', '=', handle)
      .execute()
  ).length;

describe('POST /seller/products', () => {
  it('creates a draft with its category, options, variants, prices and stock, and records product.created', async () => {
    const body = newProductBody();
    const res = await api.request<SellerProduct>('POST', '/seller/products', { json: body });
    expect(res.status).toBe(201);
    const p = res.body;
    expect(p).toMatchObject({
      handle: body.handle,
      title: body.title,
      description: 'A sturdy boot made for tests.',
      status: 'draft',
      seller_id: ATLAS_ID,
      category: { handle: 'footwear', name: 'Footwear' },
      attributes: { material: 'leather', waterproof: true },
      images: body.images,
    });
    expect(p.id).toMatch(/^prod_[0-9A-Z]{26}$/);
    expect(p.options).toEqual([{ id: expect.stringMatching(/^opt_/), name: 'Size', values: ['42', '43'] }]);
    expect(p.variants.map(({ id: _id, ...v }) => v)).toEqual([
      {
        sku: body.variants[0]?.sku,
        title: '42', // derived from the option values
        options: { Size: '42' },
        prices: [
          { amount: 11900, currency: 'EUR' },
          { amount: 12900, currency: 'USD' },
        ],
        inventory_quantity: 5,
      },
      {
        sku: body.variants[1]?.sku,
        title: 'Forty-three',
        options: { Size: '43' },
        prices: [{ amount: 13900, currency: 'USD' }],
        inventory_quantity: 0,
      },
    ]);
    const again = await api.get<SellerProduct>(`/seller/products/${p.id}`);
    expect(again.body).toEqual(p);
    expect(await eventsFor(api, p.id)).toEqual([
      {
        type: 'product.created',
        seller_id: ATLAS_ID,
        data: {
          product_id: p.id,
          handle: body.handle,
          title: body.title,
          status: 'draft',
          category_id: p.category?.id,
          variants: p.variants.map((v) => ({ variant_id: v.id, sku: v.sku })),
        },
      },
    ]);
  });

  it('creates a product without options, category or description (one default variant)', async () => {
    const res = await api.request<SellerProduct>('POST', '/seller/products', {
      json: { handle: `plain-${Date.now()}`, title: 'Plain Mug', variants: [{ sku: `MUG-${Date.now()}` }] },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      description: null,
      category: null,
      attributes: {},
      images: [],
      options: [],
    });
    expect(res.body.variants).toMatchObject([
      { title: 'Default', options: {}, prices: [], inventory_quantity: 0 },
    ]);
  });

  it.each([
    ['an unknown category', { category: 'no-such-category' }, '/category'],
    [
      'a variant missing an option',
      { variants: [{ sku: 'X-MISSING-1', options: {} }] },
      '/variants/0/options/Size',
    ],
    [
      'a value the option does not have',
      { variants: [{ sku: 'X-VALUE-1', options: { Size: '44' } }] },
      '/variants/0/options/Size',
    ],
    [
      'an option the product does not have',
      { variants: [{ sku: 'X-EXTRA-1', options: { Size: '42', Color: 'Red' } }] },
      '/variants/0/options/Color',
    ],
    [
      'two prices in one currency',
      {
        variants: [
          {
            sku: 'X-CUR-1',
            options: { Size: '42' },
            prices: [
              { amount: 100, currency: 'USD' },
              { amount: 200, currency: 'USD' },
            ],
          },
        ],
      },
      '/variants/0/prices/1/currency',
    ],
    [
      'a SKU twice in the request',
      {
        variants: [
          { sku: 'X-TWICE-1', options: { Size: '42' } },
          { sku: 'X-TWICE-1', options: { Size: '43' } },
        ],
      },
      '/variants/1/sku',
    ],
    [
      'two variants with the same options',
      {
        variants: [
          { sku: 'X-SAME-1', options: { Size: '42' } },
          { sku: 'X-SAME-2', options: { Size: '42' } },
        ],
      },
      '/variants/1/options',
    ],
    [
      'an option named twice',
      {
        options: [
          { name: 'Size', values: ['42'] },
          { name: 'size', values: ['43'] },
        ],
      },
      '/options/1/name',
    ],
    ['no variant', { variants: [] }, '/variants'],
    ['a handle that is not a slug', { handle: 'Not A Slug' }, '/handle'],
    [
      'a negative stock',
      { variants: [{ sku: 'X-NEG-1', options: { Size: '42' }, inventory_quantity: -1 }] },
      '/variants/0/inventory_quantity',
    ],
    [
      'a fractional amount',
      {
        variants: [{ sku: 'X-FRAC-1', options: { Size: '42' }, prices: [{ amount: 9.5, currency: 'USD' }] }],
      },
      '/variants/0/prices/0/amount',
    ],
  ] as const)('refuses %s with a field error and creates nothing', async (_label, overrides, field) => {
    const body = newProductBody(overrides as Partial<Schemas['SellerProductCreate']>);
    const res = await api.request<Problem>('POST', '/seller/products', { json: body });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors?.map((e) => e.field)).toContain(field);
    expect(await productCount(body.handle)).toBe(0);
  });

  it('refuses unknown fields', async () => {
    const res = await api.request<Problem>('POST', '/seller/products', {
      json: { ...newProductBody(), colour: 'red' },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual({
      in: 'body',
      field: '/colour',
      message: 'is not an accepted field',
    });
  });

  it('answers 409 for a handle or SKU another seller already uses, and creates nothing', async () => {
    const other = oracle.products.find((p) => p.sellerHandle === 'nordic-home');
    const takenHandle = await api.request<Problem>('POST', '/seller/products', {
      json: newProductBody({ handle: other?.handle ?? '' }),
    });
    expect(takenHandle.status).toBe(409);
    expect(takenHandle.body).toMatchObject({
      code: 'conflict',
      detail: `The handle '${other?.handle}' is already taken.`,
    });

    const sku = oracle.catalog.variants.find((v) => v.product_id === other?.id)?.sku ?? '';
    const body = newProductBody();
    const takenSku = await api.request<Problem>('POST', '/seller/products', {
      json: { ...body, variants: [{ ...body.variants[0], sku }] },
    });
    expect(takenSku.status).toBe(409);
    expect(takenSku.body).toMatchObject({ code: 'conflict', detail: `The SKU '${sku}' is already taken.` });
    expect(await productCount(body.handle)).toBe(0);
  });

  it('gives one 201 and one 409 (never a 500) to two simultaneous creates of the same handle', async () => {
    const body = newProductBody();
    const second = { ...newProductBody(), handle: body.handle };
    const results = await Promise.all(
      [body, second].map((json) => api.request<Problem>('POST', '/seller/products', { json })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await productCount(body.handle)).toBe(1);
  });

  it('replays a create retried with the same Idempotency-Key, and refuses the key with another body', async () => {
    const body = newProductBody();
    const headers = { 'idempotency-key': `create-${body.handle}` };
    const first = await api.request<SellerProduct>('POST', '/seller/products', { json: body, headers });
    const retry = await api.request<SellerProduct>('POST', '/seller/products', { json: body, headers });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await productCount(body.handle)).toBe(1);
    const reused = await api.request<Problem>('POST', '/seller/products', {
      json: newProductBody(),
      headers,
    });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency_key_reused');
  });

  it.each([
    ['no key', null, 401, 'unauthorized'],
    ['a publishable key', 'pk_demo_storefront', 403, 'forbidden'],
    ['the operator key', 'sk_demo_operator', 403, 'forbidden'],
  ])('refuses %s', async (_label, key, status, code) => {
    const res = await api.request<Problem>('POST', '/seller/products', { json: newProductBody(), key });
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
  });
});
