import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  announceSkip,
  emulatorHost,
  identityEnv,
  signInWithIdp,
  skipReason,
  unique,
} from '../../test/support/firebase-emulator.js';
import { graphql } from '../../test/support/graphql.js';
import { ADDRESS_DE, buyableVariants, checkout } from '../../test/support/shopping.js';
import { startTestApi, type TestApi } from '../../test/support/test-api.js';
import type { Problem } from '../errors.js';
import type { components } from '../generated/openapi.js';
import { atlasProduct, boughtLine } from '../modules/reviews/reviews.fixtures.js';
import { loadSpecArtifacts } from '../spec.js';
import { selectionOf, toRestShape } from './contract.js';

type S = components['schemas'];
type Doc = Parameters<typeof selectionOf>[0];
const document = loadSpecArtifacts().document as unknown as Doc;
const restShape = (schema: string, value: unknown) =>
  toRestShape(document, { $ref: `#/components/schemas/${schema}` }, value);

announceSkip();
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ env: identityEnv() });
}, 120_000);
afterAll(async () => api?.close());

describe.skipIf(!emulatorHost)(
  emulatorHost
    ? 'GraphQL: the signed-in customer'
    : `GraphQL: the signed-in customer (skipped: ${skipReason})`,
  () => {
    /** A shopper signed in with Google on the Auth emulator, with REST and GraphQL helpers carrying the token. */
    async function shopper() {
      const email = `gql-${unique()}@example.com`;
      const user = await signInWithIdp('google.com', { sub: `g-${unique()}`, email, email_verified: true });
      const headers = { authorization: `Bearer ${user.idToken}` };
      const rest = <T>(method: string, path: string, json?: unknown) =>
        api.request<T>(method, path, { headers, ...(json === undefined ? {} : { json }) });
      const gql = <T>(query: string, variables: Record<string, unknown> = {}) =>
        graphql<T>(api, { query, variables }, { headers });
      return { email, headers, rest, gql };
    }

    it('answers me, its addresses, orders (in pages), one order and cart as REST does', async () => {
      const s = await shopper();
      await s.rest('POST', '/store/customers/me/addresses', { label: 'Home', address: ADDRESS_DE });
      const placed: S['Order'][] = [];
      for (let i = 0; i < 2; i++) {
        const cart = await s.rest<S['CustomerCart']>('POST', '/store/customers/me/cart', { currency: 'USD' });
        const cartId = cart.body.cart.id;
        const variantId = buyableVariants('atlas-outfitters', 5)[i]?.id;
        await api.request('POST', `/store/carts/${cartId}/items`, {
          json: { variant_id: variantId, quantity: 1 },
        });
        await api.request('PATCH', `/store/carts/${cartId}`, {
          json: { email: s.email, shipping_address: ADDRESS_DE },
        });
        placed.push((await checkout(api, cartId)).body);
      }
      const cart = await s.rest<S['CustomerCart']>('POST', '/store/customers/me/cart', { currency: 'EUR' });

      // GraphQL's Order is the buyer's view (no payment or commission): read the fields both have.
      const order =
        '{ id status currency email totals { total { amount currency } } sellerOrders { id sellerId lines { id sku quantity } } createdAt }';
      const query = `query($after: String, $id: ID!) { me {
        ${selectionOf(document, 'Customer').slice(1, -1)}
        addresses ${selectionOf(document, 'CustomerAddress')}
        orders(first: 1, after: $after) { nodes ${order} pageInfo { hasNextPage hasPreviousPage endCursor } }
        order(id: $id) { id } missing: order(id: "ord_nope") { id } cart { id currency } } }`;
      const page1 = await s.gql<{
        me: Record<string, unknown> & { orders: { pageInfo: { endCursor: string } } };
      }>(query, { id: placed[0]?.id });
      expect(page1.status, JSON.stringify(page1.body.errors)).toBe(200);
      expect(page1.body.errors).toBeUndefined();
      const me = page1.body.data?.me;
      if (!me) throw new Error('no me in the answer');
      expect(restShape('Customer', me)).toEqual((await s.rest('GET', '/store/customers/me')).body);
      const addresses = (await s.rest<S['CustomerAddressList']>('GET', '/store/customers/me/addresses')).body;
      expect((me.addresses as unknown[]).map((a) => restShape('CustomerAddress', a))).toEqual(addresses.data);
      const rest1 = (await s.rest<S['OrderList']>('GET', '/store/customers/me/orders?limit=1')).body;
      expect(rest1.data.map((o) => o.id)).toEqual([placed[1]?.id]);
      const orders = me.orders as { nodes: Record<string, unknown>[]; pageInfo: unknown };
      expect(orders.nodes).toEqual(
        rest1.data.map((o) => ({
          id: o.id,
          status: o.status.toUpperCase(),
          currency: o.currency,
          email: o.email,
          totals: { total: o.totals.total },
          sellerOrders: o.seller_orders.map((so) => ({
            id: so.id,
            sellerId: so.seller_id,
            lines: so.lines.map((l) => ({ id: l.id, sku: l.sku, quantity: l.quantity })),
          })),
          createdAt: o.created_at,
        })),
      );
      expect(orders.pageInfo).toEqual({
        hasNextPage: true,
        hasPreviousPage: false,
        endCursor: rest1.next_cursor,
      });
      expect(me).toMatchObject({
        order: { id: placed[0]?.id },
        missing: null,
        cart: { id: cart.body.cart.id, currency: 'EUR' },
      });

      const page2 = await s.gql<{
        me: { orders: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean } } };
      }>(query, { id: placed[0]?.id, after: rest1.next_cursor });
      expect(page2.body.data?.me.orders.nodes.map((o) => o.id)).toEqual([placed[0]?.id]);
      expect(page2.body.data?.me.orders.pageInfo.hasNextPage).toBe(false);

      // Another shopper sees none of it.
      const other = await shopper();
      const theirs = await other.gql<{ me: { orders: { nodes: unknown[] }; order: null } }>(
        'query($id: ID!) { me { orders { nodes { id } } order(id: $id) { id } } }',
        { id: placed[0]?.id },
      );
      expect(theirs.body.data?.me).toEqual({ orders: { nodes: [] }, order: null });
    });

    it('refuses me as REST refuses /store/customers/me: no token, a bad token, a bad page size', async () => {
      const none = await graphql<{ me: null }>(api, { query: '{ me { id } }' });
      expect(none.body.data?.me).toBeNull();
      expect(none.body.errors?.[0]?.extensions.code).toBe('unauthorized');

      const bad = { authorization: 'Bearer not-a-token' };
      const rest = await api.get<Problem>('/store/customers/me', { headers: bad });
      const gql = await graphql(api, { query: '{ me { id } }' }, { headers: bad });
      expect(gql.status).toBe(rest.status);
      expect(gql.body.errors?.[0]?.extensions.code).toBe(rest.body.code);

      const s = await shopper();
      const big = await s.gql('{ me { orders(first: 101) { nodes { id } } } }');
      expect(big.body.errors?.[0]?.extensions).toMatchObject({ code: 'validation_failed' });
    });

    it('tells which lines of one order were reviewed, by the token and in me, as REST does', async () => {
      const s = await shopper();
      const variant = buyableVariants('atlas-outfitters', 5)[3]?.id ?? '';
      const bought = await boughtLine(api, variant, { headers: s.headers });
      const lines = '{ sellerOrders { lines { id review { id rating } } } }';
      const read = async () => {
        const res = await s.gql<{ order: unknown; me: { order: unknown; orders: { nodes: unknown[] } } }>(
          `query($id: ID!, $token: String!) { order(id: $id, accessToken: $token) ${lines}
            me { order(id: $id) ${lines} orders(first: 1) { nodes ${lines} } } }`,
          { id: bought.order.id, token: bought.token },
        );
        expect(res.body.errors).toBeUndefined();
        const rest = await api.get<S['Order']>(`/store/orders/${bought.order.id}`, {
          headers: { 'x-order-token': bought.token },
        });
        const restLines = rest.body.seller_orders.map((p) => ({
          lines: p.lines.map(({ id, review }) => ({ id, review })),
        }));
        expect(res.body.data?.order).toEqual({ sellerOrders: restLines });
        expect(res.body.data?.me.order).toEqual({ sellerOrders: restLines });
        // The customer's list, in REST and in GraphQL, carries the same (the order is the newest).
        const list = await s.rest<S['OrderList']>('GET', '/store/customers/me/orders?limit=1');
        expect(list.body.data[0]?.id).toBe(bought.order.id);
        expect(
          list.body.data[0]?.seller_orders.map((p) => ({
            lines: p.lines.map(({ id, review }) => ({ id, review })),
          })),
        ).toEqual(restLines);
        expect(res.body.data?.me.orders.nodes).toEqual([{ sellerOrders: restLines }]);
        return restLines[0]?.lines[0]?.review;
      };
      expect(await read()).toBeNull();
      const posted = await api.request<S['Review']>('POST', '/store/reviews', {
        headers: { 'x-order-token': bought.token },
        json: { order_id: bought.order.id, order_line_id: bought.line.id, rating: 2, title: 't', body: 'b' },
      });
      expect(posted.status).toBe(201);
      expect(await read()).toEqual({ id: posted.body.id, rating: 2 });
    });

    it('gives the watch token of the order’s real-time room in me.order only, as REST does', async () => {
      const s = await shopper();
      const variant = buyableVariants('atlas-outfitters', 5)[3]?.id ?? '';
      const bought = await boughtLine(api, variant, { headers: s.headers });
      const res = await s.gql<{
        order: { watchToken: string | null };
        me: { order: { watchToken: string | null }; orders: { nodes: { watchToken: string | null }[] } };
      }>(
        `query($id: ID!, $token: String!) { order(id: $id, accessToken: $token) { watchToken }
          me { order(id: $id) { watchToken } orders(first: 5) { nodes { watchToken } } } }`,
        { id: bought.order.id, token: bought.token },
      );
      expect(res.body.errors).toBeUndefined();
      const token = res.body.data?.me.order.watchToken ?? '';
      expect(token).toMatch(/^ow_\d+_/);
      expect(await api.db.container.orderWatch.verify(bought.order.id, token)).toBe(true);
      expect(await api.db.container.orderWatch.verify('ord_another', token)).toBe(false);
      // REST's read gives one of the same form; the token and the list give none.
      const rest = await s.rest<S['Order']>('GET', `/store/customers/me/orders/${bought.order.id}`);
      expect(rest.body.watch_token).toMatch(/^ow_\d+_/);
      expect(res.body.data?.order.watchToken).toBeNull();
      expect(res.body.data?.me.orders.nodes.every((o) => o.watchToken === null)).toBe(true);
    });
  },
);

describe('GraphQL: product reviews and content documents', () => {
  const REVIEW =
    '{ id productId sellerId rating title body attributes authorName verifiedPurchase status reply { body createdAt } createdAt }';

  it('pages a product’s reviews as GET /store/products/{id}/reviews does', async () => {
    const { product, variants } = atlasProduct(2);
    for (const [i, variant] of variants.slice(0, 2).entries()) {
      const bought = await boughtLine(api, variant.id);
      const posted = await api.request('POST', '/store/reviews', {
        headers: { 'x-order-token': bought.token },
        json: {
          order_id: bought.order.id,
          order_line_id: bought.line.id,
          rating: 4 + i,
          title: `t${i}`,
          body: 'Good.',
          attributes: { fit: 'true to size' },
        },
      });
      expect(posted.status).toBe(201);
    }
    const rest1 = (await api.get<S['ReviewList']>(`/store/products/${product.id}/reviews?limit=1`)).body;
    const query = `query($id: String!, $after: String) { product(idOrHandle: $id) {
      rating { count } reviews(first: 1, after: $after) { nodes ${REVIEW} pageInfo { hasNextPage endCursor } } } }`;
    type Answer = {
      product: {
        rating: { count: number };
        reviews: { nodes: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      };
    };
    const page1 = await graphql<Answer>(api, { query, variables: { id: product.id } });
    expect(page1.body.errors).toBeUndefined();
    const reviews = page1.body.data?.product.reviews;
    expect(reviews?.nodes.map((r) => restShape('Review', r))).toEqual(rest1.data);
    expect(reviews?.pageInfo).toEqual({ hasNextPage: true, endCursor: rest1.next_cursor });
    expect(page1.body.data?.product.rating.count).toBe(rest1.rating?.count);
    const page2 = await graphql<Answer>(api, {
      query,
      variables: { id: product.id, after: rest1.next_cursor },
    });
    const rest2 = (
      await api.get<S['ReviewList']>(
        `/store/products/${product.id}/reviews?limit=1&cursor=${rest1.next_cursor}`,
      )
    ).body;
    expect(page2.body.data?.product.reviews.nodes.map((r) => restShape('Review', r))).toEqual(rest2.data);
  });

  it('answers a published content document as REST does, and null for one never published', async () => {
    const data = { title: 'About us', body: 'Forty sellers, one market.' };
    await api.request('PUT', '/admin/content/bazaar/page/about-gql', { json: { data } });
    const query = `query($key: String!) { content(theme: "bazaar", kind: PAGE, key: $key) { theme kind key data publishedAt } }`;
    expect(
      (await graphql<{ content: null }>(api, { query, variables: { key: 'about-gql' } })).body.data?.content,
    ).toBeNull();
    await api.request('POST', '/admin/content/bazaar/page/about-gql/publish');
    const res = await graphql<{ content: unknown }>(api, { query, variables: { key: 'about-gql' } });
    expect(res.body.errors).toBeUndefined();
    const rest = await api.get<S['StoreContent']>('/store/content/bazaar/page/about-gql');
    const content = res.body.data?.content as { data: unknown };
    // `data` is carried whole (JSONObject): compared as it is, the rest through REST's names.
    expect({ ...(restShape('StoreContent', content) as object), data: content.data }).toEqual(rest.body);
    expect(rest.body.data).toEqual(data);
  });

  it('refuses a malformed theme or key as REST refuses its path (400 validation_failed), not as unpublished', async () => {
    const query = `query($theme: String!, $key: String!) { content(theme: $theme, kind: PAGE, key: $key) { key } }`;
    for (const [variables, field] of [
      [{ theme: 'Bad Theme', key: 'about' }, '/theme'],
      [{ theme: 'bazaar', key: '-about' }, '/key'],
    ] as const) {
      const res = await graphql<{ content: null }>(api, { query, variables });
      expect(res.body.data?.content).toBeNull();
      expect(res.body.errors?.[0]?.extensions).toMatchObject({
        code: 'validation_failed',
        status: 400,
        errors: [{ in: 'body', field }],
      });
    }
    expect((await api.get('/store/content/bazaar/page/-about')).status).toBe(400);
  });

  it('charges reviews pages by their size: a listing with every product’s reviews is refused before it runs', async () => {
    api.resetQueryCount();
    const res = await graphql(api, {
      query: '{ products(first: 50) { nodes { id reviews(first: 100) { nodes { id reply { body } } } } } }',
    });
    expect(res.body.errors?.[0]?.extensions.code).toBe('query_too_complex');
    expect(api.queryCount({ requestsOnly: true })).toBeLessThanOrEqual(1); // the key's look-up at most
  });
});
