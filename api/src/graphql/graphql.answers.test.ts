import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheCaughtUp, exchange, lookups, post } from '../../test/support/graphql-exchange.js';
import { startTestApi, type TestApi } from '../../test/support/test-api.js';
import type { components } from '../generated/openapi.js';

type S = components['schemas'];

// The answer tier in front of Yoga (answers.ts): what reaches its store, what a spent budget gets, and
// concurrent misses of one key. On Redis when REDIS_URL is set, as the rate-limit tests.
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({
    env: {
      CATALOG_CACHE_TTL_MS: '60000',
      CATALOG_CACHE_POLL_MS: '50',
      API_KEY_CACHE_TTL_MS: '300000',
      // 40 units a key, one back every 30 s: nothing refills during a test however slow the machine.
      RATE_LIMIT_PUBLISHABLE: '2',
      RATE_LIMIT_WINDOW_MS: '1200000',
    },
  });
  // The endpoint is built on its first request: not inside a test's time.
  await exchange(api, { query: '{ __typename }' });
}, 120_000);
afterAll(async () => api?.close());

/** A storefront key of its own (its own rate-limit budget), its lookup cached. */
async function newKey(name: string): Promise<string> {
  const created = await api.request<S['ApiKeyCreated']>('POST', '/admin/publishable-keys', {
    json: { name },
  });
  await exchange(api, { query: '{ __typename }' }, { key: created.body.secret });
  return created.body.secret;
}

const LISTING = `query Listing($first: Int!) { products(first: $first, seller: "nordic-home") {
  nodes { id title seller { id name } category { id } } } }`;

describe('the GraphQL answer tier', () => {
  it('never looks a mutation up, nor stores one', async () => {
    const key = await newKey('mutations');
    const create = { query: 'mutation { cartCreate(input: { currency: "USD" }) { id } }' };
    const before = await lookups();
    const answers = await Promise.all(Array.from({ length: 4 }, () => post(api, create, { key })));
    const ids = await Promise.all(
      answers.map(
        async (a) => ((await a.json()) as { data: { cartCreate: { id: string } } }).data.cartCreate.id,
      ),
    );
    expect(new Set(ids).size).toBe(4);
    expect(await lookups()).toEqual(before);
  });

  it('answers a stored answer 429, not its body, once the caller’s budget is spent', async () => {
    // Both keys first: issuing a key is a committed change, which drops the catalog cache.
    const key = await newKey('spender');
    const otherKey = await newKey('other');
    await cacheCaughtUp(api);
    const variables = { first: 10 };
    const miss = await exchange(api, { query: LISTING, variables }, { key });
    expect([miss.status, miss.cache, miss.json.errors]).toEqual([200, 'miss', undefined]);
    const spent = [];
    for (let i = 0; i < 40; i++) {
      const hit = await exchange(api, { query: LISTING, variables }, { key });
      spent.push(hit);
      if (hit.status !== 200) break;
      expect([hit.cache, hit.text]).toEqual(['hit', miss.text]);
    }
    const refused = spent.at(-1);
    expect(spent.length).toBeGreaterThan(1);
    // The limit path's answer: a GraphQL error with the rate_limited problem, HTTP 429 and Retry-After.
    expect(refused?.status).toBe(429);
    expect(refused?.json.data ?? null).toBeNull();
    expect(refused?.json.errors?.map((e) => e.extensions?.code)).toEqual(['rate_limited']);
    expect(Number(refused?.retryAfter)).toBeGreaterThan(0);
    expect(refused?.text).not.toContain('nordic');
    expect(refused?.statements).toBe(0);
    // Another key still gets the stored answer.
    const other = await exchange(api, { query: LISTING, variables }, { key: otherKey });
    expect([other.status, other.cache, other.text]).toEqual([200, 'hit', miss.text]);
  });

  it('runs concurrent misses of one query once, and shares no answer with errors', async () => {
    const keys = [await newKey('herd'), await newKey('failing herd')];
    await cacheCaughtUp(api);
    const n = 8;
    const burst = async (key: string, body: { query: string; variables?: Record<string, unknown> }) => {
      const before = await lookups();
      api.resetQueryCount();
      const texts = await Promise.all(
        Array.from({ length: n }, async () => {
          const res = await post(api, body, { key });
          return `${res.status} ${await res.text()}`;
        }),
      );
      const after = await lookups();
      return {
        texts,
        lookups: after.hit + after.miss - before.hit - before.miss,
        statements: api.queryCount({ requestsOnly: true }),
      };
    };
    // One execution's statements: the same query once, alone, on other service inputs (an upper
    // bound: the catalog's service cache may hold some of what the burst reads).
    const alone = await exchange(api, { query: LISTING, variables: { first: 4 } }, { key: keys[0] });
    expect([alone.cache, alone.statements > 0]).toEqual(['miss', true]);
    const herd = await burst(keys[0] ?? '', { query: LISTING, variables: { first: 5 } });
    expect(new Set(herd.texts).size).toBe(1);
    expect(herd.texts[0]).toMatch(/^200 \{"data"/);
    // Each request looked its answer up once; the one execution looked its result up once more.
    expect(herd.lookups).toBe(n + 1);
    expect(herd.statements).toBeGreaterThan(0);
    expect(herd.statements).toBeLessThanOrEqual(alone.statements);
    // An answer with errors is not shared: every request runs, each looking its result up again.
    const failing = await burst(keys[1] ?? '', {
      query: `{ products(first: 3) { nodes { id } } content(theme: "not a theme!", kind: HOME, key: "main") { key } }`,
    });
    expect(failing.texts.filter((t) => !t.includes('"validation_failed"'))).toEqual([]);
    expect(failing.lookups).toBe(2 * n);
  });
});
