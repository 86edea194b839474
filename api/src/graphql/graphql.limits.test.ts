import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSchema, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentHash } from '../../../scripts/generate-graphql.js';
import { CategoryTreeDocument, ProductListingDocument } from '../../../sdk/src/generated/graphql.js';
import { graphql } from '../../test/support/graphql.js';
import { startTestApi, type TestApi } from '../../test/support/test-api.js';
import { measureOperation } from './limits.js';
import { loadStorefrontSdl } from './sdl.js';

// A production-like endpoint: persisted operations only (a storefront's manifest), no introspection,
// and a small rate-limit budget (20 units a minute) so spending by cost shows.
const INTROSPECTION = '{ __schema { types { name } } }';
const manifest = {
  ...JSON.parse(readFileSync(new URL('../../../spec/dist/graphql-operations.json', import.meta.url), 'utf8')),
  [documentHash(INTROSPECTION)]: INTROSPECTION,
};
const manifestFile = join(mkdtempSync(join(tmpdir(), 'souk-gql-')), 'operations.json');
writeFileSync(manifestFile, JSON.stringify(manifest));

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({
    env: {
      GRAPHQL_PERSISTED_ONLY: 'true',
      GRAPHQL_PERSISTED_MANIFEST: manifestFile,
      GRAPHQL_INTROSPECTION: 'false',
      RATE_LIMIT_PUBLISHABLE: '20',
      // The key stays cached for the whole file: "no SQL" must not depend on how fast a loaded machine runs it.
      API_KEY_CACHE_TTL_MS: '300000',
    },
  });
}, 120_000);
afterAll(async () => api?.close());

const byHash = (sha256Hash: string, variables: Record<string, unknown> = {}) => ({
  extensions: { persistedQuery: { version: 1, sha256Hash } },
  variables,
});
const remaining = (headers: Headers) => Number(/;r=(\d+)/.exec(headers.get('ratelimit') ?? '')?.[1]);
/** Units an operation spends: its cost over GRAPHQL_COST_PER_UNIT (100), at least 1. */
const units = (query: string, variables: Record<string, unknown>) =>
  Math.max(
    1,
    Math.ceil(
      measureOperation(buildSchema(loadStorefrontSdl()), parse(query), undefined, variables).cost / 100,
    ),
  );

describe('a strict, production-like GraphQL endpoint', () => {
  it('charges the rate limit by cost and refuses, with no SQL, what the budget cannot pay', async () => {
    const first = await graphql(api, byHash(CategoryTreeDocument.sha256Hash));
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-policy')).toBe('"publishable";q=20;w=60');
    const before = remaining(first.headers);
    const listing = await graphql(api, byHash(ProductListingDocument.sha256Hash, { first: 20 }));
    expect(listing.body.errors).toBeUndefined();
    const spent = units(ProductListingDocument.query, { first: 20 });
    expect(spent).toBeGreaterThan(1);
    expect(remaining(listing.headers)).toBe(before - spent);

    api.resetQueryCount();
    const tooMuch = await graphql(api, byHash(ProductListingDocument.sha256Hash, { first: 100 }));
    expect(units(ProductListingDocument.query, { first: 100 })).toBeGreaterThan(before - spent);
    expect(tooMuch.status).toBe(429);
    expect(tooMuch.body.errors?.[0]?.extensions.code).toBe('rate_limited');
    expect(Number(tooMuch.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(api.queryCount({ requestsOnly: true })).toBe(0);
  });

  it('serves no GraphiQL with introspection off (production’s default)', async () => {
    const res = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.headers.get('content-type')).not.toContain('text/html');
    expect(await res.text()).not.toContain('renderYogaGraphiQL');
  });

  it('runs manifest operations only, and refuses introspection', async () => {
    const text = await graphql(api, { query: '{ categories { id } }' });
    expect(text.body.errors?.[0]?.extensions.code).toBe('persisted_query_required');
    const introspection = await graphql(api, byHash(documentHash(INTROSPECTION)));
    expect(introspection.status).toBe(400);
    expect(introspection.body.errors?.[0]?.extensions.code).toBe('graphql_invalid');
    expect(introspection.body.errors?.[0]?.message).toContain('introspection');
  });
});
