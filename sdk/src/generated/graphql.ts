// Generated from spec/graphql/storefront.graphql and sdk/src/graphql/storefront.graphql by `npm run generate`. Do not edit.
/* eslint-disable */

export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /**
   * An integer amount of money in minor units (cents): 1999 is 19.99 USD. A JSON number, like REST's
   * `MinorUnits` (GraphQL's Int is 32-bit, too small for the largest amounts the API represents).
   */
  MinorUnits: { input: number; output: number; }
  /** An RFC 3339 date-time in UTC, as REST's `date-time` strings. */
  DateTime: { input: string; output: string; }
  /** A JSON object (free-form product attributes, a variant's option values by option name). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
};

/** Orders of a product listing. */
export type ProductSort =
  | 'RELEVANCE'
  | 'PRICE_ASC'
  | 'PRICE_DESC'
  | 'NEWEST'
  /** Best rated first (average stars, then review count). */
  | 'RATING';

/** Whether a product is visible in the storefront. */
export type ProductStatus =
  | 'DRAFT'
  | 'PUBLISHED';

/** Whether a review shows in the storefront. */
export type ReviewStatus =
  | 'VISIBLE'
  | 'HIDDEN';

/** Whether a seller can sell. */
export type SellerStatus =
  | 'PENDING'
  | 'ACTIVE'
  | 'SUSPENDED';

/** Whether a cart can still change. */
export type CartStatus =
  | 'ACTIVE'
  | 'COMPLETED';

/** What a content document is. */
export type ContentKind =
  /** The home page's ordered sections. */
  | 'HOME'
  /** A promotional banner. */
  | 'BANNER'
  /** A menu. */
  | 'NAVIGATION'
  /** A static page: about, shipping policy, … */
  | 'PAGE';

/** A new, empty cart. */
export type CartCreateInput = {
  currency: Scalars['String']['input'];
};

/** The buyer's contact and destination: give only the fields to change; null clears one. */
export type CartUpdateInput = {
  email?: InputMaybe<Scalars['String']['input']>;
  shippingAddress?: InputMaybe<ShippingAddressInput>;
};

/** Where the order ships. */
export type ShippingAddressInput = {
  name: Scalars['String']['input'];
  line1: Scalars['String']['input'];
  line2?: InputMaybe<Scalars['String']['input']>;
  city: Scalars['String']['input'];
  postalCode: Scalars['String']['input'];
  region?: InputMaybe<Scalars['String']['input']>;
  country: Scalars['String']['input'];
  phone?: InputMaybe<Scalars['String']['input']>;
};

/** A variant to put in the cart. */
export type CartItemAddInput = {
  variantId: Scalars['ID']['input'];
  /** Units to add (a line holds at most 100). */
  quantity: Scalars['Int']['input'];
};

/** How the order is paid. */
export type CheckoutInput = {
  /** A payment method token of the provider (`pm_card_visa` with the built-in test provider). */
  paymentMethod: Scalars['String']['input'];
};

export type ProductCardFragment = { id: string, handle: string, title: string, images: Array<{ url: string, alt: string, width: number, height: number }>, priceRange?: { min: { amount: number, currency: string }, max: { amount: number, currency: string } } | null, seller: { id: string, handle: string, name: string }, category?: { id: string, handle: string, name: string } | null };

export type ProductListingQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  query?: InputMaybe<Scalars['String']['input']>;
  category?: InputMaybe<Scalars['String']['input']>;
  seller?: InputMaybe<Scalars['String']['input']>;
  currency?: InputMaybe<Scalars['String']['input']>;
  sort?: InputMaybe<ProductSort>;
}>;


export type ProductListingQuery = { products: { nodes: Array<{ id: string, handle: string, title: string, variants: Array<{ id: string, title: string, availableQuantity: number, price?: { amount: number, currency: string } | null }>, images: Array<{ url: string, alt: string, width: number, height: number }>, priceRange?: { min: { amount: number, currency: string }, max: { amount: number, currency: string } } | null, seller: { id: string, handle: string, name: string }, category?: { id: string, handle: string, name: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor?: string | null } } };

export type SellerPageQueryVariables = Exact<{
  handle: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  currency?: InputMaybe<Scalars['String']['input']>;
}>;


export type SellerPageQuery = { seller?: { id: string, handle: string, name: string, description?: string | null, createdAt: string } | null, products: { nodes: Array<{ id: string, handle: string, title: string, images: Array<{ url: string, alt: string, width: number, height: number }>, priceRange?: { min: { amount: number, currency: string }, max: { amount: number, currency: string } } | null, seller: { id: string, handle: string, name: string }, category?: { id: string, handle: string, name: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor?: string | null } } };

export type CategoryTreeQueryVariables = Exact<{ [key: string]: never; }>;


export type CategoryTreeQuery = { categories: Array<{ id: string, handle: string, name: string, parentId?: string | null, depth: number, path: Array<string> }> };

export type SellerProfileQueryVariables = Exact<{
  handle: Scalars['String']['input'];
}>;


export type SellerProfileQuery = { seller?: { id: string, handle: string, name: string, description?: string | null, createdAt: string, profile?: { story: string, policies: { shipping?: string | null, returns?: string | null, warranty?: string | null }, links: Array<{ label: string, url: string }> } | null, rating: { average?: number | null, count: number } } | null };

/** A GraphQL operation with its result and variable types (phantom: only used by the type checker). */
export interface TypedDocument<Result, Variables> {
  readonly operationName: string;
  readonly sha256Hash: string;
  readonly query: string;
  readonly __types?: { result: Result; variables: Variables };
}

/** The `ProductListing` query of sdk/src/graphql/storefront.graphql, typed, with its persisted-query hash. */
export const ProductListingDocument = {
  operationName: "ProductListing",
  sha256Hash: "72b716480f1e938bd694c57b1fda60cc4e4ed7695e114cdeaf1853599b31bc2c",
  query: "query ProductListing($first: Int = 20, $after: String, $query: String, $category: String, $seller: String, $currency: String, $sort: ProductSort) {\n  products(\n    first: $first\n    after: $after\n    query: $query\n    category: $category\n    seller: $seller\n    currency: $currency\n    sort: $sort\n  ) {\n    nodes {\n      ...ProductCard\n      variants {\n        id\n        title\n        availableQuantity\n        price {\n          amount\n          currency\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nfragment ProductCard on Product {\n  id\n  handle\n  title\n  images {\n    url\n    alt\n    width\n    height\n  }\n  priceRange {\n    min {\n      amount\n      currency\n    }\n    max {\n      amount\n      currency\n    }\n  }\n  seller {\n    id\n    handle\n    name\n  }\n  category {\n    id\n    handle\n    name\n  }\n}",
} as unknown as TypedDocument<ProductListingQuery, ProductListingQueryVariables>;

/** The `SellerPage` query of sdk/src/graphql/storefront.graphql, typed, with its persisted-query hash. */
export const SellerPageDocument = {
  operationName: "SellerPage",
  sha256Hash: "17e8ddfb8be4986f15eeab5a08833101c01ba4aa1c54879706e352a9a305ed75",
  query: "query SellerPage($handle: String!, $first: Int = 24, $after: String, $currency: String) {\n  seller(idOrHandle: $handle) {\n    id\n    handle\n    name\n    description\n    createdAt\n  }\n  products(seller: $handle, first: $first, after: $after, currency: $currency) {\n    nodes {\n      ...ProductCard\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nfragment ProductCard on Product {\n  id\n  handle\n  title\n  images {\n    url\n    alt\n    width\n    height\n  }\n  priceRange {\n    min {\n      amount\n      currency\n    }\n    max {\n      amount\n      currency\n    }\n  }\n  seller {\n    id\n    handle\n    name\n  }\n  category {\n    id\n    handle\n    name\n  }\n}",
} as unknown as TypedDocument<SellerPageQuery, SellerPageQueryVariables>;

/** The `CategoryTree` query of sdk/src/graphql/storefront.graphql, typed, with its persisted-query hash. */
export const CategoryTreeDocument = {
  operationName: "CategoryTree",
  sha256Hash: "263a873a92febb9f785c3dc663398e50d00e30fc6881edf21959c719643605be",
  query: "query CategoryTree {\n  categories {\n    id\n    handle\n    name\n    parentId\n    depth\n    path\n  }\n}",
} as unknown as TypedDocument<CategoryTreeQuery, CategoryTreeQueryVariables>;

/** The `SellerProfile` query of sdk/src/graphql/storefront.graphql, typed, with its persisted-query hash. */
export const SellerProfileDocument = {
  operationName: "SellerProfile",
  sha256Hash: "fffcb1d8cf21d478e07c52b154013f5463ca15b5a8ab358f39ab859ed37dffe8",
  query: "query SellerProfile($handle: String!) {\n  seller(idOrHandle: $handle) {\n    id\n    handle\n    name\n    description\n    createdAt\n    profile {\n      story\n      policies {\n        shipping\n        returns\n        warranty\n      }\n      links {\n        label\n        url\n      }\n    }\n    rating {\n      average\n      count\n    }\n  }\n}",
} as unknown as TypedDocument<SellerProfileQuery, SellerProfileQueryVariables>;
