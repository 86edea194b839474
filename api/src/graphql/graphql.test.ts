import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../test/support/graphql.js';
import { buyableVariants } from '../../test/support/shopping.js';
import { startTestApi, type TestApi } from '../../test/support/test-api.js';
import type { components } from '../generated/openapi.js';
import { DEMO_KEYS } from '../modules/auth/index.js';
import { loadSpecArtifacts } from '../spec.js';
import { selectionOf, toRestShape } from './contract.js';

type Schemas = components['schemas'];
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
}, 120_000);
afterAll(async () => api?.close());

interface Page {
  products: {
    edges: { cursor: string; node: { id: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}
const PAGE = `query Page($after: String, $sort: ProductSort, $currency: String) {
  products(first: 3, after: $after, sort: $sort, currency: $currency) {
    edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;

describe('GraphQL storefront queries', () => {
  it('lists products as REST does, and its cursors page the same way', async () => {
    const rest1 = await api.get<Schemas['ProductList']>(
      '/store/products?limit=3&sort=price_asc&currency=USD',
    );
    const gql1 = await graphql<Page>(api, { query: PAGE, variables: { sort: 'PRICE_ASC', currency: 'USD' } });
    expect(gql1.status).toBe(200);
    expect(gql1.body.errors).toBeUndefined();
    const page1 = gql1.body.data?.products;
    expect(page1?.edges.map((e) => e.node.id)).toEqual(rest1.body.data.map((p) => p.id));
    expect(page1?.pageInfo).toEqual({ hasNextPage: true, endCursor: rest1.body.next_cursor });
    // An edge's cursor resumes right after it; the last edge's is REST's next_cursor.
    expect(page1?.edges.at(-1)?.cursor).toBe(rest1.body.next_cursor);
    const rest2 = await api.get<Schemas['ProductList']>(
      `/store/products?limit=3&sort=price_asc&currency=USD&cursor=${encodeURIComponent(rest1.body.next_cursor ?? '')}`,
    );
    const gql2 = await graphql<Page>(api, {
      query: PAGE,
      variables: { sort: 'PRICE_ASC', currency: 'USD', after: page1?.edges[0]?.cursor },
    });
    expect(gql2.body.data?.products.edges.map((e) => e.node.id).slice(0, 2)).toEqual(
      rest1.body.data.slice(1).map((p) => p.id),
    );
    const gql3 = await graphql<Page>(api, {
      query: PAGE,
      variables: { sort: 'PRICE_ASC', currency: 'USD', after: page1?.pageInfo.endCursor },
    });
    expect(gql3.body.data?.products.edges.map((e) => e.node.id)).toEqual(rest2.body.data.map((p) => p.id));
  });

  it('resolves a product with its seller profile and category tree, and null for an unknown one', async () => {
    const rest = await api.get<Schemas['ProductList']>('/store/products?limit=1');
    const product = rest.body.data[0];
    const res = await graphql<{ product: Record<string, never>; missing: null }>(api, {
      query: `query($h: String!) {
        product(idOrHandle: $h) { id status seller { id handle status createdAt } category { id path parent { id } children { id } } }
        missing: product(idOrHandle: "no-such-product") { id } }`,
      variables: { h: product?.handle },
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.missing).toBeNull();
    const seller = await api.get<Schemas['Seller']>(`/store/sellers/${product?.seller.handle}`);
    expect(res.body.data?.product).toMatchObject({
      id: product?.id,
      status: 'PUBLISHED',
      seller: {
        id: seller.body.id,
        handle: seller.body.handle,
        status: 'ACTIVE',
        createdAt: seller.body.created_at,
      },
    });
  });

  it('answers a product exactly as REST does, field for field (read through the OpenAPI Product schema)', async () => {
    const document = loadSpecArtifacts().document as unknown as Parameters<typeof selectionOf>[0];
    const rest = await api.get<Schemas['ProductList']>('/store/products?limit=2&currency=EUR');
    for (const product of rest.body.data) {
      const res = await graphql<{ product: unknown }>(api, {
        query: `query($id: String!) { product(idOrHandle: $id, currency: "EUR") ${selectionOf(document, 'Product')} }`,
        variables: { id: product.id },
      });
      expect(res.body.errors).toBeUndefined();
      expect(toRestShape(document, { $ref: '#/components/schemas/Product' }, res.body.data?.product)).toEqual(
        product,
      );
    }
  });

  it('answers categories, sellers in the order asked (null for unknown) and an unknown cart as null', async () => {
    const categories = await api.get<Schemas['CategoryList']>('/store/categories');
    const sellers = await api.get<Schemas['ProductList']>('/store/products?limit=1');
    const handle = sellers.body.data[0]?.seller.handle ?? '';
    const res = await graphql<{
      categories: { id: string; path: string[] }[];
      sellers: ({ handle: string } | null)[];
      cart: null;
    }>(api, {
      query: `query($handles: [String!]!) { categories { id path } sellers(idsOrHandles: $handles) { handle } cart(id: "cart_nope") { id } }`,
      variables: { handles: ['nobody', handle] },
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.categories).toEqual(categories.body.data.map((c) => ({ id: c.id, path: c.path })));
    expect(res.body.data?.sellers).toEqual([null, { handle }]);
    expect(res.body.data?.cart).toBeNull();
  });
});

describe('GraphQL cart and checkout', () => {
  it('builds a cart and checks out once per idempotency key, shared with REST', async () => {
    const [variant] = buyableVariants('atlas-outfitters', 3);
    const created = await graphql<{ cartCreate: { id: string; status: string } }>(api, {
      query: 'mutation { cartCreate(input: { currency: "USD" }) { id status } }',
    });
    const cartId = created.body.data?.cartCreate.id ?? '';
    expect(created.body.data?.cartCreate.status).toBe('ACTIVE');
    const added = await graphql<{ cartAddItem: { items: { quantity: number; product: { id: string } }[] } }>(
      api,
      {
        query: `mutation($cart: ID!, $variant: ID!) { cartAddItem(cartId: $cart, input: { variantId: $variant, quantity: 2 }) {
        items { quantity product { id } } } }`,
        variables: { cart: cartId, variant: variant?.id },
      },
    );
    expect(added.body.errors).toBeUndefined();
    expect(added.body.data?.cartAddItem.items[0]?.quantity).toBe(2);
    const updated = await graphql<{
      cartUpdate: { checkoutReady: boolean; totals: { total: { amount: number } } };
    }>(api, {
      query: `mutation($cart: ID!) { cartUpdate(cartId: $cart, input: { email: "buyer@example.com",
        shippingAddress: { name: "Erika", line1: "Heidestraße 17", city: "Köln", postalCode: "51147", country: "DE" } }) {
        checkoutReady totals { total { amount currency } } } }`,
      variables: { cart: cartId },
    });
    expect(updated.body.data?.cartUpdate.checkoutReady).toBe(true);

    const checkout = `mutation($cart: ID!, $key: String!) { checkout(cartId: $cart, input: { paymentMethod: "pm_card_visa" }, idempotencyKey: $key) {
      id status accessToken totals { total { amount currency } } sellerOrders { status lines { quantity } } } }`;
    const first = await graphql<{
      checkout: { id: string; status: string; accessToken: string; totals: { total: { amount: number } } };
    }>(api, {
      query: checkout,
      variables: { cart: cartId, key: `gql-${cartId}` },
    });
    expect(first.body.errors).toBeUndefined();
    const order = first.body.data?.checkout;
    expect(order?.status).toBe('PLACED');
    expect(order?.totals.total.amount).toBe(updated.body.data?.cartUpdate.totals.total.amount);
    const again = await graphql<{ checkout: { id: string } }>(api, {
      query: checkout,
      variables: { cart: cartId, key: `gql-${cartId}` },
    });
    expect(again.body.data?.checkout.id).toBe(order?.id);
    // The same key through REST replays the same order: one idempotency record for both APIs.
    const rest = await api.request<Schemas['Order']>('POST', `/store/carts/${cartId}/checkout`, {
      json: { payment_method: 'pm_card_visa' },
      headers: { 'idempotency-key': `gql-${cartId}` },
    });
    expect(rest.status).toBe(201);
    expect(rest.body.id).toBe(order?.id);
    expect(rest.headers.get('idempotent-replayed')).toBe('true');

    const read = await graphql<{ order: { id: string } | null; wrong: null }>(api, {
      query: `query($id: ID!, $token: String!) { order(id: $id, accessToken: $token) { id }
        wrong: order(id: $id, accessToken: "nope") { id } }`,
      variables: { id: order?.id, token: order?.accessToken },
    });
    expect(read.body.data).toEqual({ order: { id: order?.id }, wrong: null });
  });

  it('validates mutation input with the REST schemas and answers service problems with their codes', async () => {
    const created = await graphql<{ cartCreate: { id: string } }>(api, {
      query: 'mutation { cartCreate(input: { currency: "USD" }) { id } }',
    });
    const cartId = created.body.data?.cartCreate.id;
    const bad = await graphql(api, {
      query: `mutation($cart: ID!) { cartAddItem(cartId: $cart, input: { variantId: "var_x", quantity: 0 }) { id } }`,
      variables: { cart: cartId },
    });
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({
      code: 'validation_failed',
      errors: [{ in: 'body', field: '/input/quantity', message: 'must be >= 1' }],
    });
    const unknown = await graphql(api, {
      query: `mutation($cart: ID!) { cartAddItem(cartId: $cart, input: { variantId: "var_x", quantity: 1 }) { id } }`,
      variables: { cart: cartId },
    });
    expect(unknown.body.errors?.[0]?.extensions.code).toBe('variant_unavailable');
    expect(unknown.body.errors?.[0]?.path).toEqual(['cartAddItem']);
    const empty = await graphql(api, {
      query: `mutation($cart: ID!) { checkout(cartId: $cart, input: { paymentMethod: "pm_card_visa" }, idempotencyKey: "k-empty") { id } }`,
      variables: { cart: cartId },
    });
    expect(empty.body.errors?.[0]?.extensions.code).toBe('cart_empty');
    const priceSort = await graphql(api, { query: '{ products(sort: PRICE_ASC) { nodes { id } } }' });
    expect(priceSort.body.errors?.[0]?.extensions.code).toBe('currency_required');
  });
});

/**
 * POSTs a chunked body (no Content-Length) to /graphql: `chunks` chunks of `size` bytes, or — with
 * `chunks: Infinity` — chunks until the server answers, never ending the body. Resolves with the
 * answer and how many body bytes had been written when it came.
 */
function chunkedPost(chunk: Buffer, chunks: number, prefix = '', suffix = '') {
  return new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
    const url = new URL('/graphql', api.url);
    let sent = 0;
    let answered = false;
    const req = httpRequest(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-api-key': DEMO_KEYS.storefront,
        'transfer-encoding': 'chunked',
      },
    });
    req.on('response', (res) => {
      answered = true;
      let body = '';
      res.on('data', (d) => {
        body += d;
      });
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body, sent });
      });
    });
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    req.write(prefix);
    const pump = (left: number) => {
      while (!answered && left-- > 0) {
        sent += chunk.length;
        if (!req.write(chunk)) return req.once('drain', () => pump(left));
      }
      if (!answered && Number.isFinite(chunks)) req.end(suffix);
    };
    pump(chunks);
  });
}

describe('GraphQL keys and refusals', () => {
  it('refuses a chunked body over the limit (413) as soon as it passes it, and reads a small chunked one', async () => {
    const limit = 1_000_000; // BODY_LIMIT_BYTES' default
    // Never ended: a server that buffered the whole body before judging it would never answer.
    const big = await chunkedPost(Buffer.alloc(64 * 1024, 0x20), Number.POSITIVE_INFINITY, '{"query":"');
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body)).toMatchObject({ code: 'payload_too_large', status: 413 });
    expect(big.sent).toBeGreaterThan(limit);
    expect(big.sent).toBeLessThan(limit * 8); // what the socket buffers held when the answer came
    const small = await chunkedPost(Buffer.from(' '.repeat(100)), 3, '{"query":"{ categories { id } }', '"}');
    expect(small.status).toBe(200);
    expect(JSON.parse(small.body).data.categories.length).toBeGreaterThan(0);
    // A declared Content-Length over the limit is refused before a byte of the body is read.
    const declared = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': DEMO_KEYS.storefront },
      body: `{"query":"${' '.repeat(limit)}"}`,
    });
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { code: string }).code).toBe('payload_too_large');
  });

  it('serves GraphiQL (outside production) whole from the API: no script, style or font from another host', async () => {
    const res = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('Souk Storefront GraphQL');
    expect(html).toContain('renderYogaGraphiQL');
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)="https?:/);
    expect(html).not.toMatch(/unpkg\.com|jsdelivr|fonts\.googleapis/);
  });

  it('needs a publishable key', async () => {
    const none = await graphql(api, { query: '{ categories { id } }' }, { key: null });
    expect(none.status).toBe(401);
    expect(none.body.errors?.[0]?.extensions.code).toBe('unauthorized');
    expect(none.headers.get('www-authenticate')).toContain('X-Api-Key');
    const seller = await graphql(api, { query: '{ categories { id } }' }, { key: DEMO_KEYS.sellers[0] });
    expect(seller.status).toBe(403);
    expect(seller.body.errors?.[0]?.extensions.code).toBe('forbidden');
  });

  it('refuses malformed, invalid, too deep, too costly and too aliased operations before any resolver runs', async () => {
    await graphql(api, { query: '{ categories { id } }' }); // the key is cached from here on
    const refusals: [string, string][] = [
      ['{ products { ', 'graphql_invalid'],
      ['{ products { nodes { nope } } }', 'graphql_invalid'],
      [
        '{ categories { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { id } } } } } } } } } } } } }',
        'query_too_complex',
      ],
      [
        '{ products(first: 100) { nodes { variants { prices { amount } price { amount } } seller { id } category { children { children { children { id } } } } } } }',
        'query_too_complex',
      ],
      [
        `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: categories { id }`).join(' ')} }`,
        'query_too_complex',
      ],
      [`{ categories { id ${'handle '.repeat(5000)}} }`, 'query_too_complex'],
    ];
    for (const [query, code] of refusals) {
      // The key's use is recorded at most once a minute, by whichever request comes: let this one do it.
      await graphql(api, { query: '{ __typename }' });
      api.resetQueryCount();
      const res = await graphql(api, { query });
      expect(res.status, query.slice(0, 60)).toBe(400);
      expect(
        res.body.errors?.[0]?.extensions.code,
        `${query.slice(0, 40)}: ${res.body.errors?.[0]?.message}`,
      ).toBe(code);
      expect(res.body.data ?? undefined).toBeUndefined();
      expect(api.queryCount({ requestsOnly: true }), `SQL ran for ${query.slice(0, 60)}`).toBe(0);
    }
  });

  it('limits batches and runs the SDK operations by their persisted hash', async () => {
    const { ProductListingDocument, CategoryTreeDocument } = await import(
      '../../../sdk/src/generated/graphql.js'
    );
    const persisted = await graphql<{ categories: unknown[] }>(api, {
      extensions: { persistedQuery: { version: 1, sha256Hash: CategoryTreeDocument.sha256Hash } },
    });
    expect(persisted.body.errors).toBeUndefined();
    expect(persisted.body.data?.categories.length).toBeGreaterThan(0);
    const listing = await graphql<{ products: { nodes: unknown[] } }>(api, {
      extensions: { persistedQuery: { version: 1, sha256Hash: ProductListingDocument.sha256Hash } },
      variables: { first: 2 },
    });
    expect(listing.body.data?.products.nodes).toHaveLength(2);
    const unknown = await graphql(api, {
      extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } },
    });
    expect(unknown.body.errors?.[0]?.extensions.code).toBe('persisted_query_not_found');
    const batch = await graphql(
      api,
      Array.from({ length: 11 }, () => ({ query: '{ categories { id } }' })),
    );
    expect(batch.status).toBeGreaterThanOrEqual(400);
    const ok = await graphql(
      api,
      Array.from({ length: 2 }, () => ({ query: '{ categories { id } }' })),
    );
    expect(ok.status).toBe(200);
    expect(ok.body).toHaveLength(2);
  });
});
