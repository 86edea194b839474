import { describe, expect, it } from 'vitest';
import { testApiForFile } from '../../test/support/test-api.js';

const SHOP = 'https://shop.example';
const api = testApiForFile({ env: { CORS_ORIGINS: `${SHOP}, https://other.example` } });

describe('CORS with a list of allowed origins', () => {
  it('names an allowed origin on answers, cached or not, and on problems', async () => {
    for (const path of ['/store/products?limit=2', '/store/products?limit=2', '/store/carts/nope']) {
      const res = await api.get(path, { headers: { origin: SHOP } });
      expect(res.headers.get('access-control-allow-origin')).toBe(SHOP);
      expect(res.headers.get('access-control-expose-headers')).toBe(
        'X-Request-Id,Allow,Idempotent-Replayed,RateLimit,RateLimit-Policy,Retry-After',
      );
      expect(res.headers.get('vary')?.split(', ')[0]).toBe('Origin');
    }
    const refused = await api.get('/store/products?limit=2', { key: null, headers: { origin: SHOP } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe(SHOP);
  });

  it('gives another origin, or none, no CORS headers but still varies by Origin', async () => {
    for (const headers of [{ origin: 'https://evil.example' }, {}] as Record<string, string>[]) {
      const res = await api.get('/store/products?limit=2', { headers });
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('access-control-expose-headers')).toBeNull();
      expect(res.headers.get('vary')).toContain('Origin');
    }
  });

  it('answers a preflight from an allowed origin, and not from another', async () => {
    const preflight = (origin: string) =>
      fetch(`${api.url}/store/carts`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, x-api-key, idempotency-key',
        },
      });
    const ok = await preflight(SHOP);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(ok.headers.get('access-control-allow-methods')).toBe('GET,HEAD,PUT,POST,DELETE,PATCH');
    expect(ok.headers.get('access-control-allow-headers')).toBe(
      'Content-Type,X-Api-Key,Authorization,Idempotency-Key,X-Request-Id',
    );
    expect(ok.headers.get('access-control-max-age')).toBe('600');
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('leaves /metrics unreadable from another page', async () => {
    const res = await fetch(`${api.url}/metrics`, { headers: { origin: SHOP } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});
