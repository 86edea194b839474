import { describe, expect, it } from 'vitest';
import { testApiForFile } from '../../test/support/test-api.js';
import type { components } from '../generated/openapi.js';

type ProductList = components['schemas']['ProductList'];

const api = testApiForFile({ env: { CATALOG_CACHE_TTL_MS: '60000' } });

/** Headers that differ between two answers by design: the clock, the request's own id, the budget left. */
const PER_REQUEST = new Set(['date', 'x-request-id', 'ratelimit']);
const comparable = (headers: Headers) =>
  Object.fromEntries([...headers].filter(([name]) => !PER_REQUEST.has(name)));

/** The value of one sample of the Prometheus text, 0 when absent. */
async function sample(line: string): Promise<number> {
  const text = await (await fetch(`${api.url}/metrics`)).text();
  const found = text.split('\n').find((l) => l.startsWith(`${line} `));
  return found ? Number(found.slice(line.length + 1)) : 0;
}

describe('a read answered from the response cache', () => {
  it('carries the headers, status and body of the read that filled the cache', async () => {
    const page = await api.get<ProductList>('/store/products?limit=2');
    const id = page.body.data[0]?.id;
    for (const path of ['/store/products?limit=3', `/store/products/${id}`]) {
      const headers = { origin: 'https://shop.example', 'x-request-id': `miss-${path.length}` };
      const miss = await api.get(path, { headers });
      api.resetQueryCount();
      const hits = await sample('souk_cache_requests_total{cache="catalog_responses",result="hit"}');
      const hit = await api.get(path, { headers: { ...headers, 'x-request-id': `hit-${path.length}` } });
      // Served from memory: no statement, and counted as a hit.
      expect(api.queryCount({ requestsOnly: true })).toBe(0);
      expect(await sample('souk_cache_requests_total{cache="catalog_responses",result="hit"}')).toBe(
        hits + 1,
      );
      expect(hit.status).toBe(200);
      expect(hit.body).toEqual(miss.body);
      expect(comparable(hit.headers)).toEqual(comparable(miss.headers));
      expect(hit.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(hit.headers.get('content-length')).toBe(miss.headers.get('content-length'));
      expect(hit.headers.get('x-request-id')).toBe(`hit-${path.length}`);
      expect(hit.headers.get('vary')).toBe('Origin, Accept-Encoding');
      // Node's fetch asks for gzip: both answers are the same compressed bytes.
      expect(hit.headers.get('content-encoding')).toBe('gzip');
      expect(hit.headers.get('access-control-allow-origin')).toBe('*');
      expect(hit.headers.get('access-control-expose-headers')).toContain('RateLimit');
      expect(hit.headers.get('ratelimit-policy')).toMatch(/^"publishable";q=\d+;w=\d+$/);
      expect(hit.headers.get('ratelimit')).toMatch(/^"publishable";r=\d+;t=\d+$/);
    }
  });

  it('still refuses a request without a valid key (the cache answers only what the key may read)', async () => {
    await api.get('/store/products?limit=4');
    const refused = await api.get('/store/products?limit=4', { key: 'pk_not_a_real_key_at_all' });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('ApiKey header="X-Api-Key"');
    const none = await api.get('/store/products?limit=4', { key: null });
    expect(none.status).toBe(401);
  });
});
