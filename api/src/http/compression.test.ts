import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { testApiForFile } from '../../test/support/test-api.js';

const api = testApiForFile({ env: { CATALOG_CACHE_TTL_MS: '60000' } });

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as they came over the wire (fetch would decode them). */
  bytes: Buffer;
}

/** One request over plain `node:http`, so the body is seen as sent. */
function raw(path: string, headers: Record<string, string>, method = 'GET'): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(`${api.url}${path}`, {
      method,
      headers: { 'x-api-key': 'pk_demo_storefront', ...headers },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const decode = (answer: RawAnswer): string => {
  const encoding = answer.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(answer.bytes).toString();
  if (encoding === 'gzip') return gunzipSync(answer.bytes).toString();
  expect(encoding).toBeUndefined();
  return answer.bytes.toString();
};

describe('response compression', () => {
  it('sends a cached listing compressed as asked, byte for byte the same on a miss and on its hits', async () => {
    const path = '/store/products?limit=10&sort=newest';
    const plain = await raw(path, {});
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Origin, Accept-Encoding');
    const json = plain.bytes.toString();
    expect(json.length).toBeGreaterThan(4_000);

    for (const [asked, expected] of [
      ['gzip, deflate', 'gzip'],
      ['gzip, deflate, br, zstd', 'br'],
      ['br;q=0.5, gzip', 'gzip'],
      ['*', 'gzip'],
    ] as const) {
      const first = await raw(path, { 'accept-encoding': asked });
      const again = await raw(path, { 'accept-encoding': asked });
      expect(first.headers['content-encoding'], asked).toBe(expected);
      expect(decode(first)).toBe(json);
      expect(first.bytes.length).toBeLessThan(json.length / 3);
      expect(again.bytes.equals(first.bytes)).toBe(true);
      expect(again.headers['content-length']).toBe(String(first.bytes.length));
    }
  });

  it('sends it as it is when no encoding is acceptable, and to a HEAD', async () => {
    const path = '/store/products?limit=8';
    const json = (await raw(path, {})).bytes.toString();
    for (const asked of ['identity', 'gzip;q=0, br;q=0', 'compress']) {
      const answer = await raw(path, { 'accept-encoding': asked });
      expect(answer.headers['content-encoding'], asked).toBeUndefined();
      expect(answer.bytes.toString()).toBe(json);
    }
    const head = await raw(path, { 'accept-encoding': 'gzip' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBeUndefined();
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(json)));
  });

  it('compresses a response built per request too, and leaves small ones alone', async () => {
    const spec = await raw('/openapi.json', { 'accept-encoding': 'gzip' });
    expect(spec.status).toBe(200);
    expect(spec.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(decode(spec)).openapi).toMatch(/^3\.1/);

    const health = await raw('/health', { 'accept-encoding': 'gzip, br' });
    expect(health.status).toBe(200);
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(health.bytes.toString()).status).toBeDefined();

    const problem = await raw('/store/products?limit=0', { 'accept-encoding': 'br' });
    expect(problem.status).toBe(400);
    expect(JSON.parse(decode(problem)).code).toBe('validation_failed');
  });
});
