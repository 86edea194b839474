import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { createGraphQLClient, isSoukError, type SoukClient, storefrontOperations } from '../src/index.js';
import { clientFor, keys, startTestApi, type TestApi } from './support.js';

let api: TestApi;
let souk: SoukClient;
beforeAll(async () => {
  api = await startTestApi();
  souk = clientFor(api, keys.store);
});
afterAll(() => api?.close());

describe('createGraphQLClient', () => {
  it('runs a typed operation by its persisted hash and agrees with REST', async () => {
    const gql = createGraphQLClient({ baseUrl: api.url, apiKey: keys.store, persisted: true });
    const result = await gql.request(storefrontOperations.ProductListingDocument, { first: 3 });
    expectTypeOf(result.products.nodes[0]?.priceRange?.min.amount).toEqualTypeOf<number | undefined>();
    const rest = await souk.store.products.list({ limit: 3 });
    expect(result.products.nodes.map((p) => p.id)).toEqual(rest.data.map((p) => p.id));
    expect(result.products.pageInfo.endCursor).toBe(rest.next_cursor);
    const seller = await gql.request(storefrontOperations.SellerProfileDocument, {
      handle: rest.data[0]?.seller.handle ?? '',
    });
    expect(seller.seller?.id).toBe(rest.data[0]?.seller.id);
    // @ts-expect-error the variables are typed by the document
    await gql.request(storefrontOperations.SellerProfileDocument, { handle: 42 }).catch(() => undefined);
  });

  it('throws a SoukError with the problem code of the first error', async () => {
    const gql = createGraphQLClient({ baseUrl: api.url, apiKey: 'pk_not_a_key' });
    const err = await gql.request(storefrontOperations.CategoryTreeDocument).catch((e: unknown) => e);
    expect(isSoukError(err, 'unauthorized')).toBe(true);
    expect(isSoukError(err) && err.status).toBe(401);
  });
});
