import { beforeAll, describe, expect, it } from 'vitest';
import {
  createProduct,
  createPublished,
  eventsFor,
  SELLER_2,
  type SellerProduct,
} from '../../../test/support/seller-catalog.js';
import { specDocument } from '../../../test/support/spec-validator.js';
import { testApiForFile } from '../../../test/support/test-api.js';
import type { Problem } from '../../errors.js';
import type { components } from '../../generated/openapi.js';

type Schemas = components['schemas'];

const api = testApiForFile();
/** Seller 1's products: one published (with two variants), one draft with a price (publishable). */
let published: SellerProduct;
let draft: SellerProduct;
beforeAll(async () => {
  published = await createPublished(api, { options: [{ name: 'Size', values: ['42', '43', '44'] }] });
  draft = await createProduct(api);
});

/**
 * Every /seller/* operation that takes an id, aimed by seller 2 at seller 1's product or variant,
 * with a body that would succeed for seller 1.
 */
const attacks: [string, string, () => string, () => unknown][] = [
  ['GET', '/seller/products/{productId}', () => `/seller/products/${published.id}`, () => undefined],
  [
    'PATCH',
    '/seller/products/{productId}',
    () => `/seller/products/${published.id}`,
    () => ({ title: 'Hijacked', handle: 'hijacked' }),
  ],
  ['DELETE', '/seller/products/{productId}', () => `/seller/products/${published.id}`, () => undefined],
  [
    'POST',
    '/seller/products/{productId}/publish',
    () => `/seller/products/${draft.id}/publish`,
    () => undefined,
  ],
  [
    'POST',
    '/seller/products/{productId}/unpublish',
    () => `/seller/products/${published.id}/unpublish`,
    () => undefined,
  ],
  [
    'POST',
    '/seller/products/{productId}/variants',
    () => `/seller/products/${published.id}/variants`,
    () => ({ sku: 'HIJACK-44', options: { Size: '44' }, prices: [{ amount: 1, currency: 'USD' }] }),
  ],
  [
    'PATCH',
    '/seller/products/{productId}/variants/{variantId}',
    () => `/seller/products/${published.id}/variants/${published.variants[0]?.id}`,
    () => ({ prices: [{ amount: 1, currency: 'USD' }], inventory_quantity: 0 }),
  ],
  [
    'DELETE',
    '/seller/products/{productId}/variants/{variantId}',
    () => `/seller/products/${published.id}/variants/${published.variants[1]?.id}`,
    () => undefined,
  ],
  [
    'GET',
    '/seller/products/{productId}/images',
    () => `/seller/products/${published.id}/images`,
    () => undefined,
  ],
  [
    'POST',
    '/seller/products/{productId}/images',
    () => `/seller/products/${published.id}/images`,
    () => ({ raw: ONE_PIXEL_PNG, contentType: 'image/png' }) satisfies RawBody,
  ],
  [
    'PUT',
    '/seller/products/{productId}/images/order',
    () => `/seller/products/${published.id}/images/order`,
    () => ({ image_ids: [] }),
  ],
  [
    'PATCH',
    '/seller/products/{productId}/images/{imageId}',
    () => `/seller/products/${published.id}/images/img_${'0'.repeat(32)}`,
    () => ({ alt: 'Hijacked' }),
  ],
  [
    'DELETE',
    '/seller/products/{productId}/images/{imageId}',
    () => `/seller/products/${published.id}/images/img_${'0'.repeat(32)}`,
    () => undefined,
  ],
];

/** A request body sent as bytes with its content type (image uploads). */
interface RawBody {
  raw: Buffer;
  contentType: string;
}
const ONE_PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const isRaw = (body: unknown): body is RawBody => typeof body === 'object' && body !== null && 'raw' in body;

describe('tenant isolation: seller 2 against seller 1', () => {
  it('covers every seller catalog operation with an id in its path', () => {
    // Seller orders (/seller/orders/*) belong to the orders module, which tests its own isolation.
    const idRoutes = Object.entries(specDocument.paths as Record<string, Record<string, unknown>>)
      .filter(([path]) => path.startsWith('/seller/products/') && path.includes('{'))
      .flatMap(([path, item]) =>
        ['get', 'post', 'patch', 'put', 'delete']
          .filter((m) => m in item)
          .map((m) => `${m.toUpperCase()} ${path}`),
      );
    expect(attacks.map(([method, template]) => `${method} ${template}`).sort()).toEqual(idRoutes.sort());
  });

  it.each(attacks)(
    '%s %s is 404 not_found, reveals nothing and changes nothing',
    async (method, _t, path, body) => {
      const before = await snapshot();
      const json = body();
      const res = await api.request<Problem>(method, path(), {
        key: SELLER_2,
        ...(isRaw(json)
          ? { raw: json.raw, headers: { 'content-type': json.contentType } }
          : json === undefined
            ? {}
            : { json }),
      });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('not_found');
      const text = JSON.stringify(res.body);
      for (const secret of [published.title, published.handle, draft.handle, published.seller_id]) {
        expect(text).not.toContain(secret);
      }
      expect(await snapshot()).toEqual(before);
    },
  );

  it('answers exactly as for an id that does not exist', async () => {
    const theirs = await api.get<Problem>(`/seller/products/${published.id}`, { key: SELLER_2 });
    const none = await api.get<Problem>('/seller/products/prod_01ZZZZZZZZZZZZZZZZZZZZZZZZ', {
      key: SELLER_2,
    });
    expect(theirs.body.detail?.replace(published.id, 'ID')).toBe(
      none.body.detail?.replace('prod_01ZZZZZZZZZZZZZZZZZZZZZZZZ', 'ID'),
    );
  });

  it('cannot reach seller 1’s variant through its own product either', async () => {
    const own = await createProduct(api, {}, SELLER_2);
    const before = await snapshot();
    const res = await api.request<Problem>(
      'PATCH',
      `/seller/products/${own.id}/variants/${published.variants[0]?.id}`,
      {
        key: SELLER_2,
        json: { inventory_quantity: 0 },
      },
    );
    expect(res.status).toBe(404);
    const del = await api.request<Problem>(
      'DELETE',
      `/seller/products/${own.id}/variants/${published.variants[0]?.id}`,
      {
        key: SELLER_2,
      },
    );
    expect(del.status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it('cannot touch seller 1’s stock through the bulk inventory update', async () => {
    const before = await snapshot();
    const res = await api.request<Problem>('POST', '/seller/inventory', {
      key: SELLER_2,
      json: {
        items: [
          { sku: published.variants[0]?.sku, quantity: 0 },
          { variant_id: draft.variants[0]?.id, adjust: -1 },
        ],
      },
    });
    expect(res.status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it('lists none of seller 1’s products', async () => {
    const res = await api.get<Schemas['SellerProductList']>('/seller/products?limit=100', { key: SELLER_2 });
    const ids = res.body.data.map((p) => p.id);
    expect(ids).not.toContain(published.id);
    expect(ids).not.toContain(draft.id);
    expect(new Set(res.body.data.map((p) => p.seller_id)).size).toBe(1);
    expect(res.body.data[0]?.seller_id).not.toBe(published.seller_id);
  });
});

/** Seller 1's view of both products, their store view, and their events: all must stay as they were. */
async function snapshot() {
  return {
    published: (await api.get<SellerProduct>(`/seller/products/${published.id}`)).body,
    draft: (await api.get<SellerProduct>(`/seller/products/${draft.id}`)).body,
    store: (await api.get(`/store/products/${published.id}`)).body,
    events: [
      ...(await eventsFor(api, published.id)),
      ...(await eventsFor(api, draft.id)),
      ...(await Promise.all(published.variants.map((v) => eventsFor(api, v.id)))).flat(),
    ],
  };
}
