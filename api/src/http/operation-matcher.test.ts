import { OpenAPIBackend } from 'openapi-backend';
import { describe, expect, it } from 'vitest';
import { installFastMatcher } from './operation-matcher.js';

const op = (operationId: string) => ({ operationId, responses: { 200: { description: 'ok' } } });
const definition = {
  openapi: '3.0.3',
  info: { title: 'matcher', version: '1' },
  paths: {
    '/store/products': { get: op('list') },
    '/store/products/search': { get: op('search') },
    '/store/products/{id}': { get: op('detail'), delete: op('remove') },
    '/store/products/{id}/reviews': { get: op('reviews') },
    '/store/{kind}/{id}/reviews': { get: op('anyReviews') },
    '/store/carts/{id}/items/{item}': { patch: op('item') },
    '/media/{key}.webp': { get: op('image') },
  },
};

async function routers() {
  const plain = new OpenAPIBackend({ definition: structuredClone(definition), quick: true });
  const fast = new OpenAPIBackend({ definition: structuredClone(definition), quick: true });
  await Promise.all([plain.init(), fast.init()]);
  installFastMatcher(fast.router);
  return { plain: plain.router, fast: fast.router };
}

const outcome = (match: () => { operationId?: string } | undefined) => {
  try {
    return match()?.operationId ?? 'none';
  } catch (err) {
    return (err as Error).message.slice(0, 3);
  }
};

describe('the fast operation matcher', () => {
  it("answers as openapi-backend's own router does wherever no literal path shadows a template", async () => {
    const { plain, fast } = await routers();
    const paths = [
      '/store/products',
      '/store/products/',
      '/store/products/p1',
      '/store/products/p1/',
      '/store/products/p1/reviews',
      '/store/sellers/s1/reviews',
      '/store/carts/c1/items/i1',
      '/store/carts/c1/items',
      '/store/products/p1/reviews/extra',
      '/media/abc.webp',
      '/media/abc.png',
      '/media/a/b.webp',
      '/nope',
      '/',
    ];
    for (const path of paths) {
      for (const method of ['get', 'delete', 'patch', 'post']) {
        for (const strict of [false, true]) {
          const expected = outcome(() => plain.matchOperation({ method, path, headers: {} }, strict));
          const got = outcome(() => fast.matchOperation({ method, path, headers: {} }, strict));
          expect(`${method} ${path} ${strict}: ${got}`).toBe(`${method} ${path} ${strict}: ${expected}`);
        }
      }
    }
  });

  it('tries the most specific template of the right shape, and a literal path shadows every template', async () => {
    const { fast } = await routers();
    const match = (method: string, path: string, strict = false) =>
      outcome(() => fast.matchOperation({ method, path, headers: {} }, strict));
    expect(match('get', '/store/products/p1/reviews')).toBe('reviews');
    expect(match('get', '/store/sellers/p1/reviews')).toBe('anyReviews');
    expect(match('get', '/store/products/search')).toBe('search');
    expect(match('delete', '/store/products/search')).toBe('none');
    expect(match('delete', '/store/products/search', true)).toBe('405');
    expect(match('delete', '/store/products/p1')).toBe('remove');
    expect(match('get', '/store/carts/c1/items/i1', true)).toBe('405');
    expect(match('get', '/store/carts/c1/items/i1/x', true)).toBe('404');
  });
});
