import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/support/test-api.js';
import type { Problem } from '../errors.js';
import { DEMO_KEYS } from '../modules/auth/index.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ seed: 'none', env: { BODY_LIMIT_BYTES: '2048' } });
});
afterAll(() => api?.close());

describe('routing from the spec', () => {
  it('answers an unknown path with a 404 problem', async () => {
    const res = await api.get<Problem>('/no/such/path');
    expect(res.status).toBe(404);
    expect(res.contentType).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('route_not_found');
    expect(res.body.instance).toBe('/no/such/path');
  });

  it('answers a known path with a wrong method with 405 and Allow', async () => {
    const res = await api.request<Problem>('DELETE', '/store/products');
    expect(res.status).toBe(405);
    expect(res.body.code).toBe('method_not_allowed');
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    const search = await api.request<Problem>('GET', '/store/products/search/extra');
    expect(search.status).toBe(404);
    const post = await api.request<Problem>('PUT', '/store/products/search', { json: {} });
    expect(post.headers.get('allow')).toBe('POST');
  });

  it('serves HEAD for GET operations without a body', async () => {
    const res = await api.request('HEAD', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
  });
});

describe('access before input', () => {
  it('answers a request without a key with 401 even when its input is also invalid', async () => {
    const res = await api.get<Problem>('/store/products?limit=abc', { key: null });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
    expect(res.headers.get('www-authenticate')).toBe('ApiKey header="X-Api-Key"');
  });

  it('answers a key of another kind with 403 before it reads the input', async () => {
    const res = await api.get<Problem>('/admin/orders?limit=abc', { key: DEMO_KEYS.storefront });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('forbidden');
  });
});

describe('request validation', () => {
  it('lists every invalid and unknown query parameter', async () => {
    const res = await api.get<Problem>('/store/products?limit=abc&currency=usd&colour=red');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { in: 'query', field: 'colour', message: 'is not an accepted parameter' },
        expect.objectContaining({ in: 'query', field: 'limit' }),
        expect.objectContaining({ in: 'query', field: 'currency' }),
      ]),
    );
    expect(res.body.errors, JSON.stringify(res.body.errors)).toHaveLength(3);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=1.5', 'limit'],
    ['min_price=-1&currency=USD', 'min_price'],
    ['min_price=1e99&currency=USD', 'min_price'],
    ['sort=cheapest', 'sort'],
    [`q=${'x'.repeat(201)}`, 'q'],
    ['category=has%20space', 'category'],
  ])('rejects %s', async (query, field) => {
    const res = await api.get<Problem>(`/store/products?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => e.field)).toContain(field);
  });

  it('rejects an invalid path parameter', async () => {
    const res = await api.get<Problem>(`/store/products/${'a'.repeat(101)}`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ in: 'path', field: 'idOrHandle' })]);
  });

  it('rejects a badly percent-encoded URL with a 400, not a 500', async () => {
    const res = await api.get<Problem>('/store/products/%E0%A4%A');
    expect(res.status).toBe(400);
  });

  it('rejects malformed JSON', async () => {
    const res = await api.request<Problem>('POST', '/store/products/search', {
      raw: '{"q": "boot",',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('malformed_json');
  });

  it('rejects a body that is not JSON with 415', async () => {
    const res = await api.request<Problem>('POST', '/store/products/search', {
      raw: 'q=boot',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('unsupported_media_type');
  });

  it('rejects a non-UTF-8 charset with 415', async () => {
    const res = await api.request<Problem>('POST', '/store/products/search', {
      raw: '{}',
      headers: { 'content-type': 'application/json; charset=latin1' },
    });
    expect(res.status).toBe(415);
  });

  it('rejects an oversized body with 413', async () => {
    const res = await api.request<Problem>('POST', '/store/products/search', {
      json: { q: 'x'.repeat(4096) },
    });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('payload_too_large');
  });

  it('requires the body of an operation that declares one', async () => {
    const res = await api.request<Problem>('POST', '/store/products/search');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
  });

  it('lists wrong types and unknown fields in the body as JSON pointers', async () => {
    const res = await api.request<Problem>('POST', '/store/products/search', {
      json: { q: 5, limit: '10', extra: true, 'we/ird': 1 },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { in: 'body', field: '/q', message: 'must be string' },
        { in: 'body', field: '/limit', message: 'must be integer' },
        { in: 'body', field: '/extra', message: 'is not an accepted field' },
        { in: 'body', field: '/we~1ird', message: 'is not an accepted field' },
      ]),
    );
  });

  it('rejects a JSON body that is not an object', async () => {
    for (const json of [[], 'text', null, 42]) {
      const res = await api.request<Problem>('POST', '/store/products/search', { json });
      expect(res.status, JSON.stringify(json)).toBe(400);
    }
  });
});

describe('request ids', () => {
  it('echoes a well-formed X-Request-Id and uses it in problems', async () => {
    const res = await api.get<Problem>('/nope', { headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('abc-123');
    expect(res.body.request_id).toBe('abc-123');
  });

  it('replaces a malformed X-Request-Id with a generated one', async () => {
    const res = await api.get('/health', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
