import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { documentHash } from '../../../scripts/generate-graphql.js';
import { catalogQueryScreen, isPublicCatalogQuery } from './public-queries.js';
import { loadStorefrontSdl } from './sdl.js';

const schema = buildSchema(loadStorefrontSdl());
const LISTING = 'query Listing($first: Int) { products(first: $first) { nodes { id name } } }';
const MUTATION = 'mutation Make { cartCreate(input: { currency: "USD" }) { id } }';
const persisted = { [documentHash(LISTING)]: LISTING, [documentHash(MUTATION)]: MUTATION };
const screen = catalogQueryScreen(schema, persisted, false);
const body = (value: unknown) => Buffer.from(JSON.stringify(value));
const byHash = (document: string) => ({
  extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(document) } },
});

describe('the answer tier’s screen of request bodies', () => {
  it('passes public catalog queries, as text or by the hash of a public manifest operation', () => {
    expect(screen(body({ query: LISTING, variables: { first: 3 } }))).toBe(true);
    expect(screen(Buffer.from(`  \n${JSON.stringify({ query: '{\n  categories { id }\n}' })}`))).toBe(true);
    // Names that only contain a private one (`name`, `meta`) are not it.
    expect(screen(body({ query: '{ products { nodes { name: title handle } } }' }))).toBe(true);
    expect(screen(body({ ...byHash(LISTING), variables: { first: 3 } }))).toBe(true);
  });

  it('refuses mutations, however they are sent', () => {
    expect(screen(body({ query: MUTATION }))).toBe(false);
    expect(screen(body({ query: LISTING, mutation: 1 }))).toBe(false);
    // By hash the body names no mutation: the manifest's verdict decides.
    expect(screen(body(byHash(MUTATION)))).toBe(false);
    // A JSON escape can spell the keyword.
    const escaped = JSON.stringify({ query: MUTATION }).replace('mutation', '\\u006dutation');
    expect(JSON.parse(escaped).query).toBe(MUTATION);
    expect(screen(Buffer.from(escaped))).toBe(false);
    expect(screen(body({ query: 'subscription { products { nodes { id } } }' }))).toBe(false);
  });

  it('refuses the caller’s own data, batches, unknown hashes and text where only hashes run', () => {
    expect(screen(body({ query: '{ me { email } }' }))).toBe(false);
    // After a JSON-escaped newline the name still stands alone.
    expect(screen(body({ query: '{\nme { email } }' }))).toBe(false);
    expect(screen(body({ query: '{ products { nodes { id } } cart(id: "c") { id } }' }))).toBe(false);
    expect(
      screen(
        body({ query: 'query { ...O } fragment O on Query { order(id: "o", accessToken: "t") { id } }' }),
      ),
    ).toBe(false);
    expect(screen(body([{ query: LISTING }]))).toBe(false);
    expect(screen(body(byHash('{ categories { handle } }')))).toBe(false);
    expect(screen(body({ extensions: { persistedQuery: { version: 1, sha256Hash: 'not-hex' } } }))).toBe(
      false,
    );
    expect(catalogQueryScreen(schema, persisted, true)(body({ query: LISTING }))).toBe(false);
    expect(catalogQueryScreen(schema, persisted, true)(body(byHash(LISTING)))).toBe(true);
  });
});

describe('public catalog queries', () => {
  it('are queries whose root fields, through fragments, are all public', () => {
    const is = (document: string, name?: string) => isPublicCatalogQuery(parse(document), name);
    expect(is('{ ... on Query { ...C } } fragment C on Query { categories { id } }')).toBe(true);
    expect(is('{ ...B } fragment B on Query { products { nodes { id } } cart(id: "c") { id } }')).toBe(false);
    expect(is(MUTATION)).toBe(false);
    expect(is(`${LISTING} ${MUTATION}`, 'Listing')).toBe(true);
    expect(is(`${LISTING} ${MUTATION}`, 'Make')).toBe(false);
  });
});
