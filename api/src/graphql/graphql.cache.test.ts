import { buildSchema, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../test/support/eventually.js';
import {
  announceSkip,
  emulatorHost,
  identityEnv,
  signInWithIdp,
  skipReason,
  unique,
} from '../../test/support/firebase-emulator.js';
import { graphql } from '../../test/support/graphql.js';
import { cacheCaughtUp, exchange } from '../../test/support/graphql-exchange.js';
import { startTestApi, type TestApi } from '../../test/support/test-api.js';
import type { components } from '../generated/openapi.js';
import { DEMO_KEYS } from '../modules/auth/index.js';
import { measureOperation } from './limits.js';
import { loadStorefrontSdl } from './sdl.js';

type S = components['schemas'];

announceSkip();
let api: TestApi;
/** A second storefront's publishable key. */
let otherKey: string;
beforeAll(async () => {
  api = await startTestApi({
    env: {
      ...identityEnv(),
      CATALOG_CACHE_TTL_MS: '60000',
      CATALOG_CACHE_POLL_MS: '50',
      // The key lookup is cached for the whole file: a hit's "no statement" must not depend on timing.
      API_KEY_CACHE_TTL_MS: '300000',
      // A budget of 8,640 units a day, 6 a minute back: what a request spends shows in `RateLimit`.
      RATE_LIMIT_PUBLISHABLE: '6',
      RATE_LIMIT_WINDOW_MS: '86400000',
    },
  });
  const created = await api.request<S['ApiKeyCreated']>('POST', '/admin/publishable-keys', {
    json: { name: 'second storefront' },
  });
  otherKey = created.body.secret;
  // Both keys' lookups are cached from here on.
  await graphql(api, { query: '{ __typename }' });
  await graphql(api, { query: '{ __typename }' }, { key: otherKey });
  await cacheCaughtUp(api);
}, 120_000);
afterAll(async () => api?.close());

/** A root field of an answer's data, as the test expects it to be. */
function field<T>(answer: { json: { data?: Record<string, unknown> | null } }, name: string): T {
  return answer.json.data?.[name] as T;
}

const LISTING = `query Listing($first: Int!, $currency: String) {
  products(first: $first, currency: $currency, seller: "nordic-home") { nodes {
    id title priceRange { min { amount currency } } variants { id sku price { amount currency } }
    seller { id name } category { id parent { id } } reviews(first: 2) { nodes { rating } } } } }`;

describe('the GraphQL response cache', () => {
  it('answers a repeated catalog query with the bytes of its first answer, running no statement, and still charges its cost', async () => {
    const variables = { first: 20, currency: 'USD' };
    const miss = await exchange(api, { query: LISTING, variables });
    const hit = await exchange(api, { query: LISTING, variables });
    expect(miss.json.errors).toBeUndefined();
    expect([miss.cache, hit.cache]).toEqual(['miss', 'hit']);
    expect(miss.statements).toBeGreaterThan(0);
    expect(hit.statements).toBe(0);
    const { statements: _, cache: __, remaining: ___, ...sent } = miss;
    expect(hit).toMatchObject(sent);
    expect(hit.type).toBe('application/json; charset=utf-8');
    // A hit is charged what its miss is: the operation's measured cost in units.
    const units = Math.ceil(
      measureOperation(buildSchema(loadStorefrontSdl()), parse(LISTING), undefined, variables).cost / 100,
    );
    expect(units).toBeGreaterThan(2);
    const spent = [];
    for (let i = 0; i < 3; i++) spent.push(await exchange(api, { query: LISTING, variables }));
    expect(spent.map((s) => s.cache)).toEqual(['hit', 'hit', 'hit']);
    for (const [before, after] of [
      [miss, hit],
      [hit, spent[0]],
      [spent[0], spent[1]],
      [spent[1], spent[2]],
    ]) {
      const paid = (before?.remaining ?? 0) - (after?.remaining ?? 0);
      expect(paid).toBeGreaterThanOrEqual(units - 1);
      expect(paid).toBeLessThanOrEqual(units);
    }
    // Another storefront's key reads the same public entry, as REST's URL-keyed pages do.
    const other = await exchange(api, { query: LISTING, variables }, { key: otherKey });
    expect([other.cache, other.statements, other.text]).toEqual(['hit', 0, miss.text]);
    // The answer follows content negotiation: another Accept is another entry, of its own type.
    const accept = { accept: 'application/graphql-response+json' };
    const negotiated = [
      await exchange(api, { query: LISTING, variables }, { headers: accept }),
      await exchange(api, { query: LISTING, variables }, { headers: accept }),
    ];
    expect(negotiated.map((n) => [n.cache, n.type, n.text === miss.text])).toEqual([
      ['hit', 'application/graphql-response+json; charset=utf-8', true],
      ['hit', 'application/graphql-response+json; charset=utf-8', true],
    ]);
    // The key is still checked first.
    expect(
      (await exchange(api, { query: LISTING, variables }, { key: 'pk_live_unknown_0000000000000000' }))
        .status,
    ).toBe(401);
    expect((await exchange(api, { query: LISTING, variables }, { key: DEMO_KEYS.sellers[0] })).status).toBe(
      403,
    );
  });

  it('keeps currencies, arguments and documents apart', async () => {
    const usd = await exchange(api, { query: LISTING, variables: { first: 3, currency: 'USD' } });
    const eur = await exchange(api, { query: LISTING, variables: { first: 3, currency: 'EUR' } });
    const inline = await exchange(api, {
      query: LISTING.replace('$currency: String', '').replace('currency: $currency', 'currency: "EUR"'),
      variables: { first: 3 },
    });
    expect([usd.cache, eur.cache, inline.cache]).toEqual(['miss', 'miss', 'miss']);
    const currencies = (answer: typeof usd) =>
      new Set(
        field<{ nodes: { priceRange: { min: { currency: string } } }[] }>(answer, 'products').nodes.flatMap(
          (n) => (n.priceRange ? [n.priceRange.min.currency] : []),
        ),
      );
    expect(currencies(usd)).toEqual(new Set(['USD']));
    expect(currencies(eur)).toEqual(new Set(['EUR']));
    expect(inline.json.data).toEqual(eur.json.data);
    const again = await exchange(api, { query: LISTING, variables: { first: 3, currency: 'EUR' } });
    expect([again.cache, again.text]).toEqual(['hit', eur.text]);
  });

  it('shows a seller’s price change as soon as the outbox has it, and serves the cache until then', async () => {
    const products = await api.get<S['SellerProductList']>('/seller/products?limit=1');
    const product = products.body.data[0];
    const variant = product?.variants[0];
    const query = `query($id: String!) { product(idOrHandle: $id, currency: "USD") {
      title variants { id price { amount currency } } } }`;
    const price = async () => {
      const answer = await exchange(api, { query, variables: { id: product?.id } });
      const read = field<{ title: string; variants: { id: string; price: { amount: number } | null }[] }>(
        answer,
        'product',
      );
      return { ...read, statements: answer.statements, cache: answer.cache };
    };
    const before = await price();
    expect(before.variants.find((v) => v.id === variant?.id)?.price).not.toBeNull();
    // A change behind the API's back records no event: the entry is served on (proving it is cached).
    await api.db.container.database.db
      .updateTable('products')
      .set({ title: 'Renamed Quietly' })
      .where('id', '=', product?.id ?? '')
      .execute();
    const cached = await price();
    expect([cached.cache, cached.statements]).toEqual(['hit', 0]);
    expect(cached.title).toBe(before.title);
    // A price change through the seller API commits an event: the next poll drops the entry.
    const amount = (before.variants.find((v) => v.id === variant?.id)?.price?.amount ?? 0) + 101;
    const patched = await api.request('PATCH', `/seller/products/${product?.id}/variants/${variant?.id}`, {
      json: {
        prices: [...(variant?.prices ?? []).filter((p) => p.currency !== 'USD'), { amount, currency: 'USD' }],
      },
    });
    expect(patched.status).toBe(200);
    const seen = await eventually(async () => {
      const now = await price();
      return now.variants.find((v) => v.id === variant?.id)?.price?.amount === amount;
    }, 1_000);
    expect(seen).toBe(true);
    expect((await price()).title).toBe('Renamed Quietly');
  });

  it('never caches answers with errors, partial ones included', async () => {
    const query = `{ products(first: 2) { nodes { id } } content(theme: "not a theme!", kind: HOME, key: "main") { key } }`;
    const first = await exchange(api, { query });
    expect(first.json.errors?.length).toBeGreaterThan(0);
    expect(first.json.data?.products).toBeTruthy();
    const second = await exchange(api, { query });
    expect([first.cache, second.cache]).toEqual(['miss', 'miss']);
  });

  it('never caches mutations, carts or anything beside a cart', async () => {
    const create = `mutation { cartCreate(input: { currency: "USD" }) { id } }`;
    const carts = [await exchange(api, { query: create }), await exchange(api, { query: create })];
    const ids = carts.map((c) => field<{ id: string }>(c, 'cartCreate').id);
    expect(new Set(ids).size).toBe(2);
    const query = `query($id: ID!) { cart(id: $id) { id items { id } } products(first: 1) { nodes { id } } }`;
    const reads = [
      await exchange(api, { query, variables: { id: ids[0] } }),
      await exchange(api, { query, variables: { id: ids[0] } }),
    ];
    for (const read of reads) {
      expect(read.json.errors).toBeUndefined();
      expect([read.cache, read.statements > 0]).toEqual(['not looked up', true]);
    }
    // Neither tier looks a mutation up (graphql.answers.test.ts proves it of a burst of them).
    expect(carts.map((c) => c.cache)).toEqual(['not looked up', 'not looked up']);
    // `cart` through a fragment spread is never cached either.
    const spread = `query($id: ID!) { ...Both } fragment Both on Query { products(first: 1) { nodes { id } } cart(id: $id) { id } }`;
    for (let i = 0; i < 2; i++)
      expect((await exchange(api, { query: spread, variables: { id: ids[1] } })).cache).toBe('not looked up');
    // …and a catalog query through fragments is public.
    const fragments = `{ ... on Query { ...Cats } } fragment Cats on Query { categories { id } }`;
    const cats = [await exchange(api, { query: fragments }), await exchange(api, { query: fragments })];
    expect(cats.map((c) => c.cache)).toEqual(['miss', 'hit']);
  });
});

describe.skipIf(!emulatorHost)(
  emulatorHost
    ? 'the GraphQL response cache and customers'
    : `the GraphQL response cache and customers (skipped: ${skipReason})`,
  () => {
    it('never caches a query that reads the signed-in customer', async () => {
      const query = `{ me { email } products(first: 1) { nodes { id } } }`;
      const emails: string[] = [];
      for (let i = 0; i < 2; i++) {
        const email = `gql-cache-${unique()}@example.com`;
        const user = await signInWithIdp('google.com', { sub: `g-${unique()}`, email, email_verified: true });
        const headers = { authorization: `Bearer ${user.idToken}` };
        // The same document for both shoppers: a shared entry would answer the second with the first's email.
        const answer = await exchange(api, { query }, { headers });
        expect(answer.json.errors).toBeUndefined();
        expect(answer.cache).toBe('not looked up');
        emails.push(field<{ email: string }>(answer, 'me').email);
        expect(emails[i]).toBe(email);
      }
    });
  },
);
