import { afterAll, beforeAll, expect, it } from 'vitest';
import { graphql } from '../../test/support/graphql.js';
import { startTestApi, type TestApi } from '../../test/support/test-api.js';

let api: TestApi;
beforeAll(async () => {
  // No catalog cache: every read a resolver starts is a statement that can be counted.
  api = await startTestApi({ env: { CATALOG_CACHE_TTL_MS: '0', API_KEY_CACHE_TTL_MS: '300000' } });
}, 120_000);
afterAll(async () => api?.close());

it('answers the same when an operation runs compiled as on its first, interpreted run', async () => {
  const query = `query($first: Int!) { products(first: $first, currency: "USD") {
    edges { cursor node { id title attributes createdAt priceRange { min { amount currency } }
      variants { sku availableQuantity prices { amount currency } } seller { id name createdAt }
      category { id parent { id } children { handle } } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
    product(idOrHandle: "no-such-product") { id }
    sellers(idsOrHandles: ["no-such-seller"]) { id } }`;
  const answers = [];
  for (let i = 0; i < 3; i++) answers.push(await graphql(api, { query, variables: { first: 5 } }));
  const [first, ...later] = answers.map((a) => ({ status: a.status, body: a.body }));
  expect(first?.body.errors).toBeUndefined();
  expect(first?.body.data?.products).toBeTruthy();
  for (const answer of later) expect(answer).toEqual(first);

  // Field errors too: same message, path and problem (request ids differ per request).
  const failing = `{ a: products(first: 1) { nodes { id } } b: products(first: 0) { nodes { id } } }`;
  const errors = [];
  for (let i = 0; i < 3; i++) {
    const res = await graphql(api, { query: failing });
    errors.push({
      data: res.body.data,
      errors: res.body.errors?.map(({ extensions: { request_id: _, ...problem }, ...e }) => ({
        ...e,
        problem,
      })),
    });
  }
  expect(errors[0]?.errors?.[0]?.problem.code).toBe('validation_failed');
  expect(errors[1]).toEqual(errors[0]);
  expect(errors[2]).toEqual(errors[0]);
});
