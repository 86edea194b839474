import { describe, expect, it } from 'vitest';
import { demoOracle } from '../../../test/support/demo-oracle.js';
import {
  ATLAS_ID,
  createProduct,
  eventsFor,
  SELLER_2,
  type SellerProduct,
} from '../../../test/support/seller-catalog.js';
import { testApiForFile } from '../../../test/support/test-api.js';
import type { Problem } from '../../errors.js';
import type { components } from '../../generated/openapi.js';

type Result = components['schemas']['InventoryUpdateResult'];

const oracle = demoOracle();
const api = testApiForFile();

const post = <T>(items: unknown, options: { key?: string; headers?: Record<string, string> } = {}) =>
  api.request<T>('POST', '/seller/inventory', { json: { items }, ...options });

/** Stock of variants straight from the database, by id. */
async function stock(ids: readonly (string | undefined)[]): Promise<number[]> {
  const rows = await api.db.container.database.db
    .selectFrom('variants')
    .select(['id', 'inventory_quantity'])
    .where(
      'id',
      'in',
      ids.map((id) => id ?? ''),
    )
    .execute();
  return ids.map((id) => rows.find((r) => r.id === id)?.inventory_quantity ?? -1);
}

describe('POST /seller/inventory', () => {
  it('sets and adjusts stock by SKU or variant id, answers in request order, records inventory.updated per change', async () => {
    const a = await createProduct(api);
    const b = await createProduct(api);
    const [a42, a43] = a.variants;
    const [b42, b43] = b.variants;
    const res = await post<Result>([
      { sku: a42?.sku, quantity: 40 },
      { variant_id: a43?.id, adjust: 6 },
      { variant_id: b42?.id, adjust: -5 },
      { sku: b43?.sku, quantity: 0 }, // already 0: no change, no event
    ]);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      { variant_id: a42?.id, sku: a42?.sku, inventory_quantity: 40 },
      { variant_id: a43?.id, sku: a43?.sku, inventory_quantity: 6 },
      { variant_id: b42?.id, sku: b42?.sku, inventory_quantity: 0 },
      { variant_id: b43?.id, sku: b43?.sku, inventory_quantity: 0 },
    ]);
    expect(await stock([a42?.id, a43?.id, b42?.id, b43?.id])).toEqual([40, 6, 0, 0]);
    expect(await eventsFor(api, a42?.id ?? '')).toEqual([
      {
        type: 'inventory.updated',
        seller_id: ATLAS_ID,
        data: {
          variant_id: a42?.id,
          product_id: a.id,
          sku: a42?.sku,
          inventory_quantity: 40,
          previous_quantity: 5,
        },
      },
    ]);
    expect((await eventsFor(api, b42?.id ?? ''))[0]?.data).toMatchObject({
      inventory_quantity: 0,
      previous_quantity: 5,
    });
    expect(await eventsFor(api, b43?.id ?? '')).toEqual([]);
    // Stock is not product content: updated_at stays.
    expect((await api.get<SellerProduct>(`/seller/products/${a.id}`)).body.updated_at).toBe(a.updated_at);
  });

  it('applies nothing when one adjust would go below zero, and names that item (409 out_of_stock)', async () => {
    const p = await createProduct(api);
    const [v42, v43] = p.variants;
    const res = await post<Problem>([
      { sku: v42?.sku, adjust: 10 },
      { sku: v43?.sku, adjust: -1 },
    ]);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('out_of_stock');
    expect(res.body.errors).toEqual([
      { in: 'body', field: '/items/1/adjust', message: `would take the stock of '${v43?.sku}' from 0 to -1` },
    ]);
    expect(await stock([v42?.id, v43?.id])).toEqual([5, 0]);
    expect(await eventsFor(api, v42?.id ?? '')).toEqual([]);
  });

  it('answers 404 naming unknown and other sellers’ SKUs and ids alike, and applies nothing', async () => {
    const p = await createProduct(api);
    const nordic = oracle.products.find((x) => x.sellerHandle === 'nordic-home');
    const theirs = oracle.catalog.variants.filter((v) => v.product_id === nordic?.id);
    const items = [
      { sku: p.variants[0]?.sku, quantity: 99 },
      { sku: theirs[0]?.sku, quantity: 1 },
      { variant_id: theirs[1]?.id, adjust: -1 },
      { sku: 'NO-SUCH-SKU', quantity: 1 },
      { variant_id: 'var_01ZZZZZZZZZZZZZZZZZZZZZZZZ', quantity: 1 },
    ];
    const res = await post<Problem>(items);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
    expect(res.body.errors?.map((e) => e.field)).toEqual([
      '/items/1/sku',
      '/items/2/variant_id',
      '/items/3/sku',
      '/items/4/variant_id',
    ]);
    // The same words for another seller's variant as for one that does not exist.
    expect(new Set(res.body.errors?.map((e) => e.message))).toEqual(
      new Set(['none of your variants has it']),
    );
    expect(res.body.detail).toContain(`SKU '${theirs[0]?.sku}'`);
    expect(res.body.detail).not.toMatch(/nordic|seller/i);
    expect(await stock([p.variants[0]?.id, theirs[0]?.id, theirs[1]?.id])).toEqual([
      5,
      theirs[0]?.inventory_quantity,
      theirs[1]?.inventory_quantity,
    ]);
  });

  it('lets the owner of those variants update them', async () => {
    const nordic = oracle.products.find((x) => x.sellerHandle === 'nordic-home');
    const theirs = oracle.catalog.variants.find((v) => v.product_id === nordic?.id);
    const res = await post<Result>([{ sku: theirs?.sku, quantity: 77 }], { key: SELLER_2 });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([{ variant_id: theirs?.id, sku: theirs?.sku, inventory_quantity: 77 }]);
  });

  it.each([
    [
      'the same variant twice (by SKU and by id)',
      (p: SellerProduct) => [
        { sku: p.variants[0]?.sku, adjust: 1 },
        { variant_id: p.variants[0]?.id, adjust: 1 },
      ],
      '/items/1',
    ],
    [
      'both sku and variant_id',
      (p: SellerProduct) => [{ sku: p.variants[0]?.sku, variant_id: p.variants[0]?.id, quantity: 1 }],
      '/items/0',
    ],
    ['neither sku nor variant_id', () => [{ quantity: 1 }], '/items/0/sku'],
    [
      'both quantity and adjust',
      (p: SellerProduct) => [{ sku: p.variants[0]?.sku, quantity: 1, adjust: 1 }],
      '/items/0',
    ],
    ['neither quantity nor adjust', (p: SellerProduct) => [{ sku: p.variants[0]?.sku }], '/items/0/quantity'],
    [
      'a negative quantity',
      (p: SellerProduct) => [{ sku: p.variants[0]?.sku, quantity: -1 }],
      '/items/0/quantity',
    ],
    [
      'a fractional adjust',
      (p: SellerProduct) => [{ sku: p.variants[0]?.sku, adjust: 0.5 }],
      '/items/0/adjust',
    ],
    ['no items', () => [], '/items'],
    [
      '501 items',
      (p: SellerProduct) => Array.from({ length: 501 }, () => ({ sku: p.variants[0]?.sku, adjust: 1 })),
      '/items',
    ],
    [
      'stock above the limit',
      (p: SellerProduct) => [{ sku: p.variants[0]?.sku, adjust: 1_000_000_000 }],
      '/items/0/adjust',
    ],
  ])('refuses %s (400) and applies nothing', async (_label, make, field) => {
    const p = await createProduct(api);
    const res = await post<Problem>(make(p));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors?.map((e) => e.field)).toContain(field);
    expect(await stock([p.variants[0]?.id])).toEqual([5]);
  });

  it('never oversells under concurrent adjusts: exactly the stock on hand is taken', async () => {
    const p = await createProduct(api);
    const v = p.variants[0]; // 5 in stock
    const results = await Promise.all(
      Array.from({ length: 12 }, () => post<Problem>([{ sku: v?.sku, adjust: -1 }])),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 409)).toHaveLength(7);
    expect(await stock([v?.id])).toEqual([0]);
    const events = await eventsFor(api, v?.id ?? '');
    expect(events.map((e) => e.data.inventory_quantity)).toEqual([4, 3, 2, 1, 0]);
  });

  it('applies an adjust once when retried with the same Idempotency-Key', async () => {
    const p = await createProduct(api);
    const v = p.variants[0];
    const headers = { 'idempotency-key': `stock-${v?.id}` };
    const first = await post<Result>([{ variant_id: v?.id, adjust: 3 }], { headers });
    const retry = await post<Result>([{ variant_id: v?.id, adjust: 3 }], { headers });
    expect(first.body.data[0]?.inventory_quantity).toBe(8);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await stock([v?.id])).toEqual([8]);
  });
});
