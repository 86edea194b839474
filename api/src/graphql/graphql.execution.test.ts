import { afterAll, beforeAll, expect, it } from 'vitest';
import { graphql } from '../../test/support/graphql.js';
import { startTestApi, type TestApi } from '../../test/support/test-api.js';

let api: TestApi;
beforeAll(async () => {
  // No catalog cache: every read a resolver starts is a statement that can be counted.
  api = await startTestApi({ env: { CATALOG_CACHE_TTL_MS: '0', API_KEY_CACHE_TTL_MS: '300000' } });
}, 120_000);
afterAll(async () => api?.close());

/** Waits until the API has issued no statement for `quietMs` (at most `maxMs`). */
async function settled(quietMs = 300, maxMs = 3_000): Promise<void> {
  const started = Date.now();
  let last = api.queryCount();
  let since = Date.now();
  while (Date.now() - since < quietMs && Date.now() - started < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    const now = api.queryCount();
    if (now !== last) [last, since] = [now, Date.now()];
  }
}

it('finishes every read of a request before answering it, even when a sibling field fails first', async () => {
  // `products` fails at once (RELEVANCE without a query) and, being non-null, nulls the whole answer
  // while `categories` is still reading; its categories' `parent` then read the category tree again.
  const query = `{ categories { id parent { id } } products(first: 1, sort: RELEVANCE) { nodes { id } } }`;
  await graphql(api, { query: '{ __typename }' }); // the API key lookup is cached from here on
  for (const run of ['interpreted (first run)', 'compiled (later runs)']) {
    await settled();
    api.resetQueryCount();
    const res = await graphql(api, { query });
    const atResponse = api.queryCount({ requestsOnly: true });
    expect(res.body.data, run).toBeNull();
    expect(
      res.body.errors?.map((e) => e.extensions.code),
      run,
    ).toEqual(['query_required']);
    await settled();
    expect(api.queryCount({ requestsOnly: true }), `${run}: statements after the response`).toBe(atResponse);
  }
});

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

it('executes every catalog query when the catalog cache is off (CATALOG_CACHE_TTL_MS=0)', async () => {
  const query = `{ products(first: 3, currency: "USD") { nodes { id seller { name } } } categories { id } }`;
  const statements: number[] = [];
  for (let i = 0; i < 3; i++) {
    api.resetQueryCount();
    const res = await graphql(api, { query });
    expect(res.body.errors).toBeUndefined();
    statements.push(api.queryCount({ requestsOnly: true }));
  }
  expect(statements[0]).toBeGreaterThan(0);
  expect(statements).toEqual([statements[0], statements[0], statements[0]]);
});
