import { afterAll, beforeAll, expect, it } from 'vitest';
import { graphql } from '../../test/support/graphql.js';
import { startTestApi, type TestApi } from '../../test/support/test-api.js';

let api: TestApi;
beforeAll(async () => {
  // No catalog cache: every statement the page needs is issued and counted.
  // The API key stays cached for the whole file (default 10 s): on a loaded machine an expired key's
  // lookup would be counted in a page's statements.
  api = await startTestApi({ env: { CATALOG_CACHE_TTL_MS: '0', API_KEY_CACHE_TTL_MS: '300000' } });
}, 120_000);
afterAll(async () => api?.close());

/**
 * A storefront listing page: products with variants and prices, the seller with their own page and
 * rating, and the category with its parent.
 */
const LISTING = `query($first: Int!) { products(first: $first, currency: "USD") { nodes {
  id title priceRange { min { amount currency } }
  variants { id sku availableQuantity price { amount currency } prices { amount currency } }
  seller { id name description createdAt profile { story } rating { average count } }
  category { id name parent { id name } children { id } } } pageInfo { hasNextPage endCursor } } }`;

/**
 * Statements a listing page may take, whatever its size: the page (its rows and versions, then its
 * bodies when the API holds none of them: catalog/product-bodies.ts), its sellers, their ratings, their
 * own pages (documents, in PostgreSQL with the embedded adapter: one find for all of them), the
 * category tree.
 */
const MAX_STATEMENTS = 6;

it('reads a listing page in a constant number of SQL statements, whatever the page size (no N+1)', async () => {
  await graphql(api, { query: '{ __typename }' }); // the API key lookup is cached from here on
  const counts: number[] = [];
  for (const first of [2, 10, 40]) {
    api.resetQueryCount();
    const res = await graphql<{ products: { nodes: { seller: { id: string } }[] } }>(api, {
      query: LISTING,
      variables: { first },
    });
    expect(res.body.errors).toBeUndefined();
    const nodes = res.body.data?.products.nodes ?? [];
    expect(nodes.length).toBe(first);
    expect(new Set(nodes.map((n) => n.seller.id)).size).toBeGreaterThan(1);
    counts.push(api.queryCount({ requestsOnly: true }));
  }
  expect(counts[0]).toBeLessThanOrEqual(MAX_STATEMENTS);
  expect(new Set(counts).size, `statements per page size 2, 10, 40: ${counts.join(', ')}`).toBe(1);
});
