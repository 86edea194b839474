import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { compareShapes, type JsonSchema } from './contract.js';
import { loadStorefrontSdl } from './sdl.js';

const document = JSON.parse(
  readFileSync(new URL('../../../spec/dist/openapi.json', import.meta.url), 'utf8'),
) as { components: { schemas: Record<string, JsonSchema> } };
const schema = buildSchema(loadStorefrontSdl());

/** Differences chosen on purpose, each with its reason. */
const DELIBERATE = [
  // A cart problem's code is a problem code, written as GraphQL errors' `extensions.code` writes it.
  'Cart.problems[].code: REST has an enum, GraphQL String',
  // A product's reviews are a link to their own paged list (REST: /store/products/{id}/reviews).
  'Product: GraphQL Product.reviews is not in REST',
  // Sign-in providers are REST's values (`google.com`): a dot cannot be in a GraphQL enum value.
  'Customer.sign_in_provider: REST has an enum, GraphQL String',
  'Customer.providers[]: REST has an enum, GraphQL String',
  // The storefront never shows moderation or report counts: REST sends them in operator views only.
  'Review.moderation: GraphQL Review has no field moderation',
  'Review.report_count: GraphQL Review has no field reportCount',
  // A content document's data is one of four shapes by kind (REST's oneOf), carried whole.
  'StoreContent.data: REST has an object, GraphQL JSONObject',
];

describe('the GraphQL schema and the OpenAPI contract agree', () => {
  // Driven by the OpenAPI schemas: a property added to REST's Product fails here until GraphQL has it.
  it.each([
    ['Product', 'Product'],
    ['Variant', 'Variant'],
    ['Money', 'Money'],
    ['Category', 'Category'],
    ['Seller', 'Seller'],
    ['SellerProfile', 'SellerProfile'],
    ['Cart', 'Cart'],
    ['Customer', 'Customer'],
    ['CustomerAddress', 'CustomerAddress'],
    ['Review', 'Review'],
    ['StoreContent', 'ContentDocument'],
  ])('REST %s and GraphQL %s have the same fields, nullability and money format', (rest, graphql) => {
    const exact = [
      'Product',
      'Variant',
      'Money',
      'CustomerAddress',
      'Review',
      'StoreContent',
      'SellerProfile',
    ].includes(rest);
    const problems = compareShapes(document, schema, rest, graphql).filter(
      // Category, Cart and Customer add links (parent, children; a line's product; addresses, orders)
      // REST does not embed.
      (p) => (exact || !p.includes('is not in REST')) && !DELIBERATE.includes(p),
    );
    expect(problems).toEqual([]);
  });

  it('notices a drift (the comparison can fail)', () => {
    const drifted = structuredClone(document);
    const product = drifted.components.schemas.Product as JsonSchema;
    product.properties = { ...product.properties, popularity: { type: ['number', 'null'] } };
    product.properties.title = { type: ['string', 'null'] };
    const problems = compareShapes(drifted, schema, 'Product', 'Product');
    expect(problems.filter((p) => !DELIBERATE.includes(p))).toEqual([
      'Product.title: REST may be null or absent, GraphQL is non-null',
      'Product.popularity: GraphQL Product has no field popularity',
    ]);
  });
});
