import { request } from 'node:http';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheCaughtUp } from '../../test/support/graphql-exchange.js';
import { startTestApi, type TestApi, testApiForFile } from '../../test/support/test-api.js';
import { DEMO_KEYS } from '../modules/auth/index.js';

const api = testApiForFile({ env: { CATALOG_CACHE_TTL_MS: '60000' } });

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as they came over the wire (fetch would decode them). */
  bytes: Buffer;
}

/** One request over plain `node:http`, so the body is seen as sent. */
function raw(
  path: string,
  headers: Record<string, string>,
  method = 'GET',
  options: { body?: string; on?: TestApi } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(`${(options.on ?? api).url}${path}`, {
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
    req.end(options.body);
  });
}

const decode = (answer: RawAnswer): string => {
  const encoding = answer.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(answer.bytes).toString();
  if (encoding === 'gzip') return gunzipSync(answer.bytes).toString();
  expect(encoding).toBeUndefined();
  return answer.bytes.toString();
};

/**
 * The size of `text` compressed with the settings of an answer built per request (brotli 1, gzip 1):
 * a kept body, compressed once with stronger ones, is smaller.
 */
const perRequestSize = (encoding: string, text: string): number =>
  (encoding === 'br'
    ? brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } })
    : gzipSync(text, { level: 1 })
  ).length;

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
    const seller = { 'x-api-key': DEMO_KEYS.sellers[0] };
    const plain = await raw('/seller/products?limit=20', seller);
    expect(plain.status).toBe(200);
    expect(plain.bytes.length).toBeGreaterThan(4_000);
    const page = await raw('/seller/products?limit=20', { ...seller, 'accept-encoding': 'gzip' });
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(decode(page))).toEqual(JSON.parse(plain.bytes.toString()));

    const health = await raw('/health', { 'accept-encoding': 'gzip, br' });
    expect(health.status).toBe(200);
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(health.bytes.toString()).status).toBeDefined();

    const problem = await raw('/store/products?limit=0', { 'accept-encoding': 'br' });
    expect(problem.status).toBe(400);
    expect(JSON.parse(decode(problem)).code).toBe('validation_failed');
  });

  it('sends the contract and the API reference compressed once: the same bytes on every answer', async () => {
    for (const [path, type] of [
      ['/openapi.json', 'application/json'],
      ['/docs', 'text/html'],
      ['/docs/redoc.standalone.js', 'text/javascript'],
    ] as const) {
      const plain = await raw(path, {});
      expect(plain.status, path).toBe(200);
      expect(plain.headers['content-type'], path).toContain(type);
      expect(plain.headers['content-encoding'], path).toBeUndefined();
      for (const asked of ['br', 'gzip']) {
        const first = await raw(path, { 'accept-encoding': asked });
        const again = await raw(path, { 'accept-encoding': asked });
        expect(first.headers['content-encoding'], `${path} ${asked}`).toBe(asked);
        expect(first.headers['content-length']).toBe(String(first.bytes.length));
        expect(again.bytes.equals(first.bytes), `${path} ${asked}`).toBe(true);
        expect(decode(first) === plain.bytes.toString(), path).toBe(true);
        expect(first.bytes.length, path).toBeLessThan(perRequestSize(asked, plain.bytes.toString()));
      }
    }
  });

  it('sends a kept GraphQL answer compressed once, its miss as its hits', async () => {
    await cacheCaughtUp(api);
    const body = JSON.stringify({ query: '{ products(first: 12) { nodes { id title description } } }' });
    const post = () =>
      raw(
        '/graphql',
        { 'accept-encoding': 'br', 'content-type': 'application/json', accept: 'application/json' },
        'POST',
        { body },
      );
    const miss = await post();
    const hit = await post();
    expect(miss.status).toBe(200);
    expect(miss.headers['content-encoding']).toBe('br');
    const json = decode(miss);
    expect(JSON.parse(json).data.products.nodes.length).toBeGreaterThan(0);
    expect(miss.bytes.length).toBeLessThan(perRequestSize('br', json));
    expect(hit.bytes.equals(miss.bytes)).toBe(true);
    expect(hit.headers['content-length']).toBe(String(miss.bytes.length));
  });
});

describe('HTTP_COMPRESSION=false (a gateway in front compresses)', () => {
  let plainApi: TestApi;
  beforeAll(async () => {
    plainApi = await startTestApi({ env: { CATALOG_CACHE_TTL_MS: '60000', HTTP_COMPRESSION: 'false' } });
  }, 120_000);
  afterAll(async () => plainApi?.close());

  it('sends every answer as it is, cached or built per request, without Vary: Accept-Encoding', async () => {
    for (const path of ['/store/products?limit=10', '/store/products?limit=10', '/openapi.json']) {
      const answer = await raw(path, { 'accept-encoding': 'gzip, br' }, 'GET', { on: plainApi });
      expect(answer.status, path).toBe(200);
      expect(answer.headers['content-encoding'], path).toBeUndefined();
      expect(String(answer.headers.vary ?? ''), path).not.toContain('Accept-Encoding');
      expect(JSON.parse(answer.bytes.toString())).toBeTruthy();
    }
  });
});
