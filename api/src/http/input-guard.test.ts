import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProduct, SELLER_1 } from '../../test/support/seller-catalog.js';
import { buyableVariants } from '../../test/support/shopping.js';
import { startTestApi, type TestApi } from '../../test/support/test-api.js';
import type { Problem } from '../errors.js';
import { guardInput, MAX_JSON_DEPTH } from './input-guard.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const NUL = '\u0000';
const nested = (depth: number): unknown => {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
};
const expectNulRejected = (res: { status: number; body: Problem }, where: string, field: string) => {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body.code).toBe('validation_failed');
  expect(res.body.errors).toContainEqual({ in: where, field, message: 'must not contain U+0000 (NUL)' });
};

describe('U+0000 is refused at the contract boundary', () => {
  it('in query parameters', async () => {
    expectNulRejected(await api.get<Problem>('/store/products?q=bo%00ot'), 'query', 'q');
    expectNulRejected(await api.get<Problem>('/seller/products?q=%00', { key: SELLER_1 }), 'query', 'q');
  });

  it('in path parameters', async () => {
    expectNulRejected(await api.get<Problem>('/store/products/ab%00c'), 'path', 'idOrHandle');
    expectNulRejected(await api.get<Problem>('/store/carts/cart_%00'), 'path', 'cartId');
  });

  it('in body strings, nested values and keys of free-form JSON', async () => {
    const cart = await api.request<{ id: string }>('POST', '/store/carts', { json: { currency: 'USD' } });
    const [variant] = buyableVariants('atlas-outfitters');
    expectNulRejected(
      await api.request<Problem>('POST', `/store/carts/${cart.body.id}/items`, {
        json: { variant_id: `${variant?.id}${NUL}`, quantity: 1 },
      }),
      'body',
      '/variant_id',
    );
    expectNulRejected(
      await api.request<Problem>('PATCH', `/store/carts/${cart.body.id}`, {
        json: {
          shipping_address: { name: `Erika${NUL}`, line1: 'x', city: 'K', postal_code: '1', country: 'DE' },
        },
      }),
      'body',
      '/shipping_address/name',
    );
    const product = await createProduct(api);
    const attributes = { deep: { list: ['ok', `bad${NUL}`] }, [`k${NUL}`]: 1 };
    const res = await api.request<Problem>('PATCH', `/seller/products/${product.id}`, {
      json: { title: `T${NUL}`, attributes },
    });
    expectNulRejected(res, 'body', '/title');
    expectNulRejected(res, 'body', '/attributes/deep/list/1');
    expectNulRejected(res, 'body', '/attributes/k\\u0000');
    expectNulRejected(
      await api.request<Problem>('POST', '/seller/webhook-endpoints', {
        json: { url: 'https://hooks.example.com/x', event_types: ['product.created'], description: NUL },
      }),
      'body',
      '/description',
    );
    // Nothing was written.
    const after = await api.get<{ title: string }>(`/seller/products/${product.id}`);
    expect(after.body.title).toBe(product.title);
  });
});

describe('lone UTF-16 surrogates are refused at the contract boundary (jsonb cannot store them)', () => {
  const surrogate = (field: string) => ({
    in: 'body',
    field,
    message: 'must be well-formed Unicode: a lone surrogate (\\uD800–\\uDFFF) cannot be stored',
  });

  it('in body strings and keys, with nothing written; a surrogate pair (an emoji) is fine', async () => {
    const product = await createProduct(api);
    // JSON.stringify writes a lone surrogate as the escape `\ud800`, as any client's JSON would.
    const res = await api.request<Problem>('PATCH', `/seller/products/${product.id}`, {
      json: { title: 'T\ud800', attributes: { a: ['x\udc00'], ['k\udbff']: 1 } },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        surrogate('/title'),
        surrogate('/attributes/a/0'),
        surrogate('/attributes/k\udbff'),
      ]),
    );
    expect((await api.get<{ title: string }>(`/seller/products/${product.id}`)).body.title).toBe(
      product.title,
    );

    const ok = await api.request<{ title: string }>('PATCH', `/seller/products/${product.id}`, {
      json: { title: 'Boots \ud83e\udd7e' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.title).toBe('Boots 🥾');
  });

  it("in a shopper's address", async () => {
    const cart = await api.request<{ id: string }>('POST', '/store/carts', { json: { currency: 'USD' } });
    const res = await api.request<Problem>('PATCH', `/store/carts/${cart.body.id}`, {
      json: { shipping_address: { name: 'E\ud800', line1: 'x', city: 'K', postal_code: '1', country: 'DE' } },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(surrogate('/shipping_address/name'));
  });
});

describe('guardInput', () => {
  it('refuses NUL in a header value (on the wire, Node refuses it before the app)', () => {
    const input = { operation: undefined, path: '/x', query: '', body: undefined };
    expect(() => guardInput({ ...input, headers: { 'idempotency-key': `k${NUL}` } })).toThrow(
      /header idempotency-key: must not contain U\+0000/,
    );
    expect(() => guardInput({ ...input, headers: { 'idempotency-key': 'k' } })).not.toThrow();
  });
});

describe('JSON bodies nest at most MAX_JSON_DEPTH levels', () => {
  it('accepts attributes nested within the limit on create and update', async () => {
    const product = await createProduct(api, { attributes: { n: nested(MAX_JSON_DEPTH - 3) } as never });
    const res = await api.request('PATCH', `/seller/products/${product.id}`, {
      json: { attributes: { n: nested(MAX_JSON_DEPTH - 2) } },
    });
    expect(res.status).toBe(200);
  });

  it.each(['POST', 'PATCH'])(
    '%s answers 400, never 500, for attributes nested 20,000 deep',
    async (method) => {
      const product = await createProduct(api);
      const path = method === 'POST' ? '/seller/products' : `/seller/products/${product.id}`;
      // Written as text: JSON.stringify itself would overflow the stack on such a value.
      const deep = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
      const res = await api.request<Problem>(method, path, {
        raw: `{"attributes":{"n":${deep}}}`,
        headers: { 'idempotency-key': `deep-${method}`, 'content-type': 'application/json' },
      });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.errors).toContainEqual({
        in: 'body',
        field: expect.stringMatching(/^\/attributes\/n(\/a)+$/),
        message: `nests deeper than ${MAX_JSON_DEPTH} levels`,
      });
    },
  );
});
