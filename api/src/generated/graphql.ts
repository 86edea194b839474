// Generated from spec/graphql/storefront.graphql by `npm run generate`. Do not edit.
/* eslint-disable */

import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ProductConnectionModel, ProductEdgeModel, MoneyModel, PriceRangeModel, ProductModel, ReviewConnectionModel, ReviewModel, ReviewReplyModel, ProductRatingModel, ImageModel, ProductOptionModel, VariantModel, CategoryModel, SellerModel, SellerProfileModel, SellerPoliciesModel, SellerLinkModel, CartModel, CartItemModel, CartSellerGroupModel, CartTotalsModel, CartProblemModel, ShippingAddressModel, OrderModel, OrderTotalsModel, SellerOrderModel, OrderLineModel, OrderLineReviewModel, FulfillmentModel, CustomerModel, CustomerAddressModel, OrderConnectionModel, ContentDocumentModel, GraphQLContext } from '../graphql/context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
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

/** The storefront's read side. Every query needs a publishable key in `X-Api-Key`. */
export type Query = {
  __typename?: 'Query';
  /**
   * Published products of active sellers: the same filters, sorts and keyset cursors as
   * `GET /store/products`. `after` takes an `endCursor` (or an edge's `cursor`) of the same filters and sort.
   */
  products: ProductConnection;
  /** A published product by id or handle (also a handle it had before a rename); null when there is none. */
  product?: Maybe<Product>;
  /** The whole category tree, flat, in tree order (depth-first, by rank). */
  categories: Array<Category>;
  /** An active seller's public profile by id or handle; null when there is none. */
  seller?: Maybe<Seller>;
  /** Active sellers' profiles by id or handle (at most 50), in the order asked; null for unknown ones. */
  sellers: Array<Maybe<Seller>>;
  /** A cart by its id (the id is the capability); null when there is none. */
  cart?: Maybe<Cart>;
  /** An order by id with the access token its checkout returned; null when either is wrong. */
  order?: Maybe<Order>;
  /**
   * The signed-in shopper: send their Firebase ID token as `Authorization: Bearer` beside the key, as
   * REST's `/store/customers/me`. Without a token the field is null with an `unauthorized` error.
   */
  me?: Maybe<Customer>;
  /**
   * The published version of a theme's content document (`HOME`/`main`, `NAVIGATION`/`main`,
   * `BANNER`/<key>, `PAGE`/<key>), as `GET /store/content/{theme}/{kind}/{key}`; null when never published.
   */
  content?: Maybe<ContentDocument>;
};


/** The storefront's read side. Every query needs a publishable key in `X-Api-Key`. */
export type QueryProductsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  query?: InputMaybe<Scalars['String']['input']>;
  category?: InputMaybe<Scalars['String']['input']>;
  seller?: InputMaybe<Scalars['String']['input']>;
  currency?: InputMaybe<Scalars['String']['input']>;
  minPrice?: InputMaybe<Scalars['MinorUnits']['input']>;
  maxPrice?: InputMaybe<Scalars['MinorUnits']['input']>;
  sort?: InputMaybe<ProductSort>;
};


/** The storefront's read side. Every query needs a publishable key in `X-Api-Key`. */
export type QueryProductArgs = {
  idOrHandle: Scalars['String']['input'];
  currency?: InputMaybe<Scalars['String']['input']>;
};


/** The storefront's read side. Every query needs a publishable key in `X-Api-Key`. */
export type QuerySellerArgs = {
  idOrHandle: Scalars['String']['input'];
};


/** The storefront's read side. Every query needs a publishable key in `X-Api-Key`. */
export type QuerySellersArgs = {
  idsOrHandles: Array<Scalars['String']['input']>;
};


/** The storefront's read side. Every query needs a publishable key in `X-Api-Key`. */
export type QueryCartArgs = {
  id: Scalars['ID']['input'];
};


/** The storefront's read side. Every query needs a publishable key in `X-Api-Key`. */
export type QueryOrderArgs = {
  id: Scalars['ID']['input'];
  accessToken: Scalars['String']['input'];
};


/** The storefront's read side. Every query needs a publishable key in `X-Api-Key`. */
export type QueryContentArgs = {
  theme: Scalars['String']['input'];
  kind: ContentKind;
  key: Scalars['String']['input'];
};

/** Cart changes and checkout. Every mutation needs a publishable key in `X-Api-Key`. */
export type Mutation = {
  __typename?: 'Mutation';
  /** A new, empty cart. */
  cartCreate: Cart;
  /** Sets the buyer's email and/or shipping address (a null clears one). */
  cartUpdate: Cart;
  /** Adds units of a variant (to its line when the variant is already in the cart). */
  cartAddItem: Cart;
  /** Sets a line's quantity. */
  cartUpdateItem: Cart;
  /** Removes a line. */
  cartRemoveItem: Cart;
  /**
   * Places the order: the same checkout as `POST /store/carts/{cartId}/checkout`, with the same
   * Idempotency-Key record (a retry with the same key through either API replays the first answer).
   */
  checkout: Order;
};


/** Cart changes and checkout. Every mutation needs a publishable key in `X-Api-Key`. */
export type MutationCartCreateArgs = {
  input: CartCreateInput;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


/** Cart changes and checkout. Every mutation needs a publishable key in `X-Api-Key`. */
export type MutationCartUpdateArgs = {
  cartId: Scalars['ID']['input'];
  input: CartUpdateInput;
};


/** Cart changes and checkout. Every mutation needs a publishable key in `X-Api-Key`. */
export type MutationCartAddItemArgs = {
  cartId: Scalars['ID']['input'];
  input: CartItemAddInput;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


/** Cart changes and checkout. Every mutation needs a publishable key in `X-Api-Key`. */
export type MutationCartUpdateItemArgs = {
  cartId: Scalars['ID']['input'];
  itemId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
};


/** Cart changes and checkout. Every mutation needs a publishable key in `X-Api-Key`. */
export type MutationCartRemoveItemArgs = {
  cartId: Scalars['ID']['input'];
  itemId: Scalars['ID']['input'];
};


/** Cart changes and checkout. Every mutation needs a publishable key in `X-Api-Key`. */
export type MutationCheckoutArgs = {
  cartId: Scalars['ID']['input'];
  input: CheckoutInput;
  idempotencyKey: Scalars['String']['input'];
};

/** Orders of a product listing. */
export type ProductSort =
  | 'relevance'
  | 'price_asc'
  | 'price_desc'
  | 'newest'
  /** Best rated first (average stars, then review count). */
  | 'rating';

/** A page of products (Relay connection). */
export type ProductConnection = {
  __typename?: 'ProductConnection';
  edges: Array<ProductEdge>;
  /** The products of the page, without their cursors. */
  nodes: Array<Product>;
  pageInfo: PageInfo;
};

/** A product and the cursor of its position. */
export type ProductEdge = {
  __typename?: 'ProductEdge';
  cursor: Scalars['String']['output'];
  node: Product;
};

/** Where a page stands. Souk's cursors go forward only, so `hasPreviousPage` is always false. */
export type PageInfo = {
  __typename?: 'PageInfo';
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
  endCursor?: Maybe<Scalars['String']['output']>;
};

/** An amount of money in integer minor units with its currency. */
export type Money = {
  __typename?: 'Money';
  amount: Scalars['MinorUnits']['output'];
  /** ISO 4217 code, upper case. */
  currency: Scalars['String']['output'];
};

/** Lowest and highest variant price in the requested currency. */
export type PriceRange = {
  __typename?: 'PriceRange';
  min: Money;
  max: Money;
};

/** Whether a product is visible in the storefront. */
export type ProductStatus =
  | 'draft'
  | 'published';

/** A product with everything a storefront shows. The same fields as REST's `Product`. */
export type Product = {
  __typename?: 'Product';
  id: Scalars['ID']['output'];
  handle: Scalars['String']['output'];
  title: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  status: ProductStatus;
  /** The seller's public profile (REST gives its summary: id, handle, name). */
  seller: Seller;
  /** The product's category (REST gives its summary: id, handle, name). */
  category?: Maybe<Category>;
  /** Free-form product attributes (material, brand, …). */
  attributes: Scalars['JSONObject']['output'];
  images: Array<Image>;
  options: Array<ProductOption>;
  variants: Array<Variant>;
  /** Lowest and highest variant price in the requested currency; null when no variant is priced in it. */
  priceRange?: Maybe<PriceRange>;
  /** The aggregate of the product's visible reviews (`sort: RATING` orders by its average). */
  rating: ProductRating;
  createdAt: Scalars['DateTime']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /**
   * The visible reviews, newest first, as `GET /store/products/{idOrHandle}/reviews`. `after` takes the
   * `endCursor` of the previous page.
   */
  reviews: ReviewConnection;
};


/** A product with everything a storefront shows. The same fields as REST's `Product`. */
export type ProductReviewsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};

/** A page of a product's reviews: `nodes` and where the page stands (resume from `pageInfo.endCursor`). */
export type ReviewConnection = {
  __typename?: 'ReviewConnection';
  nodes: Array<Review>;
  pageInfo: PageInfo;
};

/** A buyer's review of a product they bought. The same fields as REST's storefront `Review`. */
export type Review = {
  __typename?: 'Review';
  id: Scalars['ID']['output'];
  productId: Scalars['ID']['output'];
  sellerId: Scalars['ID']['output'];
  /** Stars, 1–5. */
  rating: Scalars['Int']['output'];
  title: Scalars['String']['output'];
  body: Scalars['String']['output'];
  /** Optional facts about the purchase (fit, size bought, …). */
  attributes: Scalars['JSONObject']['output'];
  /** The name the buyer chose to show. */
  authorName: Scalars['String']['output'];
  /** Always true: only buyers of a delivered or fulfilled line can review it. */
  verifiedPurchase: Scalars['Boolean']['output'];
  /** Always VISIBLE in the storefront (hidden reviews are left out). */
  status: ReviewStatus;
  /** The seller's one public reply. */
  reply?: Maybe<ReviewReply>;
  createdAt: Scalars['DateTime']['output'];
};

/** Whether a review shows in the storefront. */
export type ReviewStatus =
  | 'visible'
  | 'hidden';

/** A seller's public reply to a review. */
export type ReviewReply = {
  __typename?: 'ReviewReply';
  body: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
};

/** Aggregate of the visible reviews of a product: exact counts per star, kept in step with every review. */
export type ProductRating = {
  __typename?: 'ProductRating';
  /** Mean star rating, rounded to two decimals; null without reviews. */
  average?: Maybe<Scalars['Float']['output']>;
  /** How many visible reviews there are. */
  count: Scalars['Int']['output'];
  /** How many visible reviews gave each number of stars, keyed "1" to "5" as in REST. */
  distribution: Scalars['JSONObject']['output'];
};

/** A product image. */
export type Image = {
  __typename?: 'Image';
  /** Id of an image uploaded to Souk (`img_…`); null for images hosted elsewhere. */
  id?: Maybe<Scalars['ID']['output']>;
  url: Scalars['String']['output'];
  alt: Scalars['String']['output'];
  width: Scalars['Int']['output'];
  height: Scalars['Int']['output'];
};

/** An option a buyer picks (Size, Color) with its values. */
export type ProductOption = {
  __typename?: 'ProductOption';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  values: Array<Scalars['String']['output']>;
};

/** A buyable variant of a product. */
export type Variant = {
  __typename?: 'Variant';
  id: Scalars['ID']['output'];
  sku: Scalars['String']['output'];
  title: Scalars['String']['output'];
  /** The option values of this variant, by option name. */
  options: Scalars['JSONObject']['output'];
  /** The price in the requested currency; null when the variant has no price in it. */
  price?: Maybe<Money>;
  /** Every price of the variant, one per currency. */
  prices: Array<Money>;
  /** Units that can be bought now. */
  availableQuantity: Scalars['Int']['output'];
};

/** A category of the tree. */
export type Category = {
  __typename?: 'Category';
  id: Scalars['ID']['output'];
  handle: Scalars['String']['output'];
  name: Scalars['String']['output'];
  parentId?: Maybe<Scalars['ID']['output']>;
  depth: Scalars['Int']['output'];
  /** Handles from the root category down to this one. */
  path: Array<Scalars['String']['output']>;
  /** The parent category; null at the root. */
  parent?: Maybe<Category>;
  /** The direct subcategories, by rank. */
  children: Array<Category>;
};

/** Whether a seller can sell. */
export type SellerStatus =
  | 'pending'
  | 'active'
  | 'suspended';

/** A seller's public profile. */
export type Seller = {
  __typename?: 'Seller';
  id: Scalars['ID']['output'];
  handle: Scalars['String']['output'];
  name: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  status: SellerStatus;
  createdAt: Scalars['DateTime']['output'];
  /**
   * The page the seller writes about themselves (`PUT /seller/profile`): empty until they write one;
   * null, with a `service_unavailable` error, while the document store cannot be read (the rest of the
   * seller is still answered).
   */
  profile?: Maybe<SellerProfile>;
  /** Aggregate of the visible reviews of all the seller's products. */
  rating: ProductRating;
};

/** A seller's own storefront page, as REST's `GET /store/sellers/{idOrHandle}/page` gives it. */
export type SellerProfile = {
  __typename?: 'SellerProfile';
  /** The seller's story, in Markdown; empty until written. */
  story: Scalars['String']['output'];
  /** What the seller promises about shipping, returns and warranty; each null until written. */
  policies: SellerPolicies;
  /** Links the seller lists (https only). */
  links: Array<SellerLink>;
};

/** A seller's policies, in their own words. */
export type SellerPolicies = {
  __typename?: 'SellerPolicies';
  /** How and when the seller ships. */
  shipping?: Maybe<Scalars['String']['output']>;
  /** What the seller takes back, and how. */
  returns?: Maybe<Scalars['String']['output']>;
  /** What the seller guarantees. */
  warranty?: Maybe<Scalars['String']['output']>;
};

/** A link on a seller's page. */
export type SellerLink = {
  __typename?: 'SellerLink';
  /** The link's text. */
  label: Scalars['String']['output'];
  /** Where it goes (https). */
  url: Scalars['String']['output'];
};

/** Whether a cart can still change. */
export type CartStatus =
  | 'active'
  | 'completed';

/**
 * A buyer's cart, priced from the current catalog on every read. Its id is an unguessable capability:
 * keep it like a session token.
 */
export type Cart = {
  __typename?: 'Cart';
  id: Scalars['ID']['output'];
  currency: Scalars['String']['output'];
  status: CartStatus;
  email?: Maybe<Scalars['String']['output']>;
  shippingAddress?: Maybe<ShippingAddress>;
  /** The lines, oldest first. */
  items: Array<CartItem>;
  /** The buyable lines grouped by seller (one seller order each at checkout). */
  sellers: Array<CartSellerGroup>;
  totals: CartTotals;
  /** Tax rate of the shipping address's country in basis points (1900 = 19 %). */
  taxRateBps?: Maybe<Scalars['Int']['output']>;
  /** True when nothing in `problems` stands in the way of checkout. */
  checkoutReady: Scalars['Boolean']['output'];
  problems: Array<CartProblem>;
  createdAt: Scalars['DateTime']['output'];
  updatedAt: Scalars['DateTime']['output'];
  completedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** One line of a cart, priced at the variant's current price in the cart's currency. */
export type CartItem = {
  __typename?: 'CartItem';
  id: Scalars['ID']['output'];
  variantId: Scalars['ID']['output'];
  productId: Scalars['ID']['output'];
  productHandle: Scalars['String']['output'];
  productTitle: Scalars['String']['output'];
  variantTitle: Scalars['String']['output'];
  sku: Scalars['String']['output'];
  sellerId: Scalars['ID']['output'];
  quantity: Scalars['Int']['output'];
  unitPrice?: Maybe<Money>;
  subtotal?: Maybe<Money>;
  availableQuantity: Scalars['Int']['output'];
  /** The product of the line in the cart's currency; null once it is no longer published. */
  product?: Maybe<Product>;
};

/** The lines of one seller. */
export type CartSellerGroup = {
  __typename?: 'CartSellerGroup';
  sellerId: Scalars['ID']['output'];
  sellerName: Scalars['String']['output'];
  itemIds: Array<Scalars['ID']['output']>;
  subtotal: Money;
  shipping?: Maybe<Money>;
  tax?: Maybe<Money>;
  total?: Maybe<Money>;
};

/** Sums of the seller groups. */
export type CartTotals = {
  __typename?: 'CartTotals';
  subtotal: Money;
  shipping?: Maybe<Money>;
  tax?: Maybe<Money>;
  total?: Maybe<Money>;
};

/** A reason the cart cannot be checked out yet; `code` is the problem code checkout would answer with. */
export type CartProblem = {
  __typename?: 'CartProblem';
  code: Scalars['String']['output'];
  detail: Scalars['String']['output'];
  itemId?: Maybe<Scalars['ID']['output']>;
  sellerId?: Maybe<Scalars['ID']['output']>;
};

/** Where an order ships. */
export type ShippingAddress = {
  __typename?: 'ShippingAddress';
  name: Scalars['String']['output'];
  line1: Scalars['String']['output'];
  line2?: Maybe<Scalars['String']['output']>;
  city: Scalars['String']['output'];
  postalCode: Scalars['String']['output'];
  region?: Maybe<Scalars['String']['output']>;
  /** ISO 3166-1 alpha-2 country code, upper case. */
  country: Scalars['String']['output'];
  phone?: Maybe<Scalars['String']['output']>;
};

/** A buyer's order: one seller order per seller in the cart. */
export type Order = {
  __typename?: 'Order';
  id: Scalars['ID']['output'];
  /** PLACED, PARTIALLY_FULFILLED, FULFILLED or CANCELLED (REST's values in upper case). */
  status: Scalars['String']['output'];
  currency: Scalars['String']['output'];
  email: Scalars['String']['output'];
  shippingAddress: ShippingAddress;
  totals: OrderTotals;
  sellerOrders: Array<SellerOrder>;
  /** Only in the checkout answer: send it to `order(id, accessToken)` later; it cannot be shown again. */
  accessToken?: Maybe<Scalars['String']['output']>;
  /**
   * Only in `me.order(id)` (as REST's `watch_token` in `GET /store/customers/me/orders/{id}`): opens this
   * order's real-time room, and nothing else, for a day. Null in every other read.
   */
  watchToken?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
};

/** Money sums of an order or seller order. */
export type OrderTotals = {
  __typename?: 'OrderTotals';
  subtotal: Money;
  shipping: Money;
  tax: Money;
  total: Money;
};

/** One seller's part of an order. */
export type SellerOrder = {
  __typename?: 'SellerOrder';
  id: Scalars['ID']['output'];
  sellerId: Scalars['ID']['output'];
  sellerName: Scalars['String']['output'];
  /** OPEN, PARTIALLY_FULFILLED, FULFILLED or CANCELLED. */
  status: Scalars['String']['output'];
  currency: Scalars['String']['output'];
  lines: Array<OrderLine>;
  totals: OrderTotals;
  fulfillments: Array<Fulfillment>;
  createdAt: Scalars['DateTime']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

/** A line of a seller order, a snapshot taken at checkout. */
export type OrderLine = {
  __typename?: 'OrderLine';
  id: Scalars['ID']['output'];
  variantId?: Maybe<Scalars['ID']['output']>;
  productId?: Maybe<Scalars['ID']['output']>;
  sku: Scalars['String']['output'];
  productTitle: Scalars['String']['output'];
  variantTitle: Scalars['String']['output'];
  quantity: Scalars['Int']['output'];
  unitPrice: Money;
  subtotal: Money;
  fulfilledQuantity: Scalars['Int']['output'];
  /** The product's first image as it is now; null when it has none or was deleted. */
  image?: Maybe<Image>;
  /**
   * The buyer's review of this line, in `order(id, accessToken)`, `me.order(id)` and `me.orders` (as
   * REST's buyer's reads): null while the line has none, and in the other reads (checkout) or when the
   * document store could not be read, so null offers the form and a second review is still refused.
   */
  review?: Maybe<OrderLineReview>;
};

/** The buyer's review of an order line: enough to show it was written, and its stars. */
export type OrderLineReview = {
  __typename?: 'OrderLineReview';
  id: Scalars['ID']['output'];
  rating: Scalars['Int']['output'];
};

/** A shipment of a seller order. */
export type Fulfillment = {
  __typename?: 'Fulfillment';
  id: Scalars['ID']['output'];
  carrier: Scalars['String']['output'];
  trackingNumber: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
};

/**
 * A shopper's account, created the first time the shopper calls the API with a Firebase ID token; the
 * same fields as REST's `Customer`, with the account's addresses, orders and cart.
 */
export type Customer = {
  __typename?: 'Customer';
  id: Scalars['ID']['output'];
  email?: Maybe<Scalars['String']['output']>;
  /** True when the identity provider vouches for `email`. */
  emailVerified: Scalars['Boolean']['output'];
  /** The verified phone number (E.164) of phone sign-in. */
  phone?: Maybe<Scalars['String']['output']>;
  name?: Maybe<Scalars['String']['output']>;
  /**
   * The provider of the most recent sign-in, as REST spells it: `google.com`, `apple.com`, `oidc.line`,
   * `password` or `phone`.
   */
  signInProvider: Scalars['String']['output'];
  /** Every provider this account has signed in with, in the order first seen. */
  providers: Array<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** The saved addresses, the default one first. */
  addresses: Array<CustomerAddress>;
  /** The customer's orders across all sellers, newest first (`GET /store/customers/me/orders`). */
  orders: OrderConnection;
  /** One of the customer's orders; null when the account has no order with this id. */
  order?: Maybe<Order>;
  /** The account's active cart; null when it has none. */
  cart?: Maybe<Cart>;
};


/**
 * A shopper's account, created the first time the shopper calls the API with a Firebase ID token; the
 * same fields as REST's `Customer`, with the account's addresses, orders and cart.
 */
export type CustomerOrdersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


/**
 * A shopper's account, created the first time the shopper calls the API with a Firebase ID token; the
 * same fields as REST's `Customer`, with the account's addresses, orders and cart.
 */
export type CustomerOrderArgs = {
  id: Scalars['ID']['input'];
};

/** A saved address of the shopper; checkout forms pre-fill from the default one. */
export type CustomerAddress = {
  __typename?: 'CustomerAddress';
  id: Scalars['ID']['output'];
  label?: Maybe<Scalars['String']['output']>;
  /** At most one address of a customer is the default. */
  isDefault: Scalars['Boolean']['output'];
  address: ShippingAddress;
  createdAt: Scalars['DateTime']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

/** A page of orders, newest first: `nodes` and where the page stands (resume from `pageInfo.endCursor`). */
export type OrderConnection = {
  __typename?: 'OrderConnection';
  nodes: Array<Order>;
  pageInfo: PageInfo;
};

/** What a content document is. */
export type ContentKind =
  /** The home page's ordered sections. */
  | 'home'
  /** A promotional banner. */
  | 'banner'
  /** A menu. */
  | 'navigation'
  /** A static page: about, shipping policy, … */
  | 'page';

/** The published version of a content document. The same fields as REST's `StoreContent`. */
export type ContentDocument = {
  __typename?: 'ContentDocument';
  theme: Scalars['String']['output'];
  kind: ContentKind;
  key: Scalars['String']['output'];
  /**
   * The document's content; its shape follows its kind (HOME has `sections`, NAVIGATION `items`, PAGE
   * `title` and `body`, BANNER `headline`), exactly as REST's `ContentData`.
   */
  data: Scalars['JSONObject']['output'];
  publishedAt: Scalars['DateTime']['output'];
};

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



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  MinorUnits: ResolverTypeWrapper<Scalars['MinorUnits']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  JSONObject: ResolverTypeWrapper<Scalars['JSONObject']['output']>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ProductSort: null;
  ProductConnection: ResolverTypeWrapper<ProductConnectionModel>;
  ProductEdge: ResolverTypeWrapper<ProductEdgeModel>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Money: ResolverTypeWrapper<MoneyModel>;
  PriceRange: ResolverTypeWrapper<PriceRangeModel>;
  ProductStatus: null;
  Product: ResolverTypeWrapper<ProductModel>;
  ReviewConnection: ResolverTypeWrapper<ReviewConnectionModel>;
  Review: ResolverTypeWrapper<ReviewModel>;
  ReviewStatus: null;
  ReviewReply: ResolverTypeWrapper<ReviewReplyModel>;
  ProductRating: ResolverTypeWrapper<ProductRatingModel>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Image: ResolverTypeWrapper<ImageModel>;
  ProductOption: ResolverTypeWrapper<ProductOptionModel>;
  Variant: ResolverTypeWrapper<VariantModel>;
  Category: ResolverTypeWrapper<CategoryModel>;
  SellerStatus: null;
  Seller: ResolverTypeWrapper<SellerModel>;
  SellerProfile: ResolverTypeWrapper<SellerProfileModel>;
  SellerPolicies: ResolverTypeWrapper<SellerPoliciesModel>;
  SellerLink: ResolverTypeWrapper<SellerLinkModel>;
  CartStatus: null;
  Cart: ResolverTypeWrapper<CartModel>;
  CartItem: ResolverTypeWrapper<CartItemModel>;
  CartSellerGroup: ResolverTypeWrapper<CartSellerGroupModel>;
  CartTotals: ResolverTypeWrapper<CartTotalsModel>;
  CartProblem: ResolverTypeWrapper<CartProblemModel>;
  ShippingAddress: ResolverTypeWrapper<ShippingAddressModel>;
  Order: ResolverTypeWrapper<OrderModel>;
  OrderTotals: ResolverTypeWrapper<OrderTotalsModel>;
  SellerOrder: ResolverTypeWrapper<SellerOrderModel>;
  OrderLine: ResolverTypeWrapper<OrderLineModel>;
  OrderLineReview: ResolverTypeWrapper<OrderLineReviewModel>;
  Fulfillment: ResolverTypeWrapper<FulfillmentModel>;
  Customer: ResolverTypeWrapper<CustomerModel>;
  CustomerAddress: ResolverTypeWrapper<CustomerAddressModel>;
  OrderConnection: ResolverTypeWrapper<OrderConnectionModel>;
  ContentKind: null;
  ContentDocument: ResolverTypeWrapper<ContentDocumentModel>;
  CartCreateInput: CartCreateInput;
  CartUpdateInput: CartUpdateInput;
  ShippingAddressInput: ShippingAddressInput;
  CartItemAddInput: CartItemAddInput;
  CheckoutInput: CheckoutInput;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  MinorUnits: Scalars['MinorUnits']['output'];
  DateTime: Scalars['DateTime']['output'];
  JSONObject: Scalars['JSONObject']['output'];
  Query: Record<PropertyKey, never>;
  Int: Scalars['Int']['output'];
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  Mutation: Record<PropertyKey, never>;
  ProductConnection: ProductConnectionModel;
  ProductEdge: ProductEdgeModel;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  Money: MoneyModel;
  PriceRange: PriceRangeModel;
  Product: ProductModel;
  ReviewConnection: ReviewConnectionModel;
  Review: ReviewModel;
  ReviewReply: ReviewReplyModel;
  ProductRating: ProductRatingModel;
  Float: Scalars['Float']['output'];
  Image: ImageModel;
  ProductOption: ProductOptionModel;
  Variant: VariantModel;
  Category: CategoryModel;
  Seller: SellerModel;
  SellerProfile: SellerProfileModel;
  SellerPolicies: SellerPoliciesModel;
  SellerLink: SellerLinkModel;
  Cart: CartModel;
  CartItem: CartItemModel;
  CartSellerGroup: CartSellerGroupModel;
  CartTotals: CartTotalsModel;
  CartProblem: CartProblemModel;
  ShippingAddress: ShippingAddressModel;
  Order: OrderModel;
  OrderTotals: OrderTotalsModel;
  SellerOrder: SellerOrderModel;
  OrderLine: OrderLineModel;
  OrderLineReview: OrderLineReviewModel;
  Fulfillment: FulfillmentModel;
  Customer: CustomerModel;
  CustomerAddress: CustomerAddressModel;
  OrderConnection: OrderConnectionModel;
  ContentDocument: ContentDocumentModel;
  CartCreateInput: CartCreateInput;
  CartUpdateInput: CartUpdateInput;
  ShippingAddressInput: ShippingAddressInput;
  CartItemAddInput: CartItemAddInput;
  CheckoutInput: CheckoutInput;
};

export interface MinorUnitsScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['MinorUnits'], any> {
  name: 'MinorUnits';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface JsonObjectScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSONObject'], any> {
  name: 'JSONObject';
}

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  products?: Resolver<ResolversTypes['ProductConnection'], ParentType, ContextType, RequireFields<QueryProductsArgs, 'first'>>;
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType, RequireFields<QueryProductArgs, 'idOrHandle'>>;
  categories?: Resolver<Array<ResolversTypes['Category']>, ParentType, ContextType>;
  seller?: Resolver<Maybe<ResolversTypes['Seller']>, ParentType, ContextType, RequireFields<QuerySellerArgs, 'idOrHandle'>>;
  sellers?: Resolver<Array<Maybe<ResolversTypes['Seller']>>, ParentType, ContextType, RequireFields<QuerySellersArgs, 'idsOrHandles'>>;
  cart?: Resolver<Maybe<ResolversTypes['Cart']>, ParentType, ContextType, RequireFields<QueryCartArgs, 'id'>>;
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType, RequireFields<QueryOrderArgs, 'id' | 'accessToken'>>;
  me?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  content?: Resolver<Maybe<ResolversTypes['ContentDocument']>, ParentType, ContextType, RequireFields<QueryContentArgs, 'theme' | 'kind' | 'key'>>;
};

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  cartCreate?: Resolver<ResolversTypes['Cart'], ParentType, ContextType, RequireFields<MutationCartCreateArgs, 'input'>>;
  cartUpdate?: Resolver<ResolversTypes['Cart'], ParentType, ContextType, RequireFields<MutationCartUpdateArgs, 'cartId' | 'input'>>;
  cartAddItem?: Resolver<ResolversTypes['Cart'], ParentType, ContextType, RequireFields<MutationCartAddItemArgs, 'cartId' | 'input'>>;
  cartUpdateItem?: Resolver<ResolversTypes['Cart'], ParentType, ContextType, RequireFields<MutationCartUpdateItemArgs, 'cartId' | 'itemId' | 'quantity'>>;
  cartRemoveItem?: Resolver<ResolversTypes['Cart'], ParentType, ContextType, RequireFields<MutationCartRemoveItemArgs, 'cartId' | 'itemId'>>;
  checkout?: Resolver<ResolversTypes['Order'], ParentType, ContextType, RequireFields<MutationCheckoutArgs, 'cartId' | 'input' | 'idempotencyKey'>>;
};

export type ProductSortResolvers = { RELEVANCE: 'relevance', PRICE_ASC: 'price_asc', PRICE_DESC: 'price_desc', NEWEST: 'newest', RATING: 'rating' };

export type ProductConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProductConnection'] = ResolversParentTypes['ProductConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ProductEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Product']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ProductEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProductEdge'] = ResolversParentTypes['ProductEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['MinorUnits'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PriceRangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PriceRange'] = ResolversParentTypes['PriceRange']> = {
  min?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  max?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type ProductStatusResolvers = { DRAFT: 'draft', PUBLISHED: 'published' };

export type ProductResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  handle?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ProductStatus'], ParentType, ContextType>;
  seller?: Resolver<ResolversTypes['Seller'], ParentType, ContextType>;
  category?: Resolver<Maybe<ResolversTypes['Category']>, ParentType, ContextType>;
  attributes?: Resolver<ResolversTypes['JSONObject'], ParentType, ContextType>;
  images?: Resolver<Array<ResolversTypes['Image']>, ParentType, ContextType>;
  options?: Resolver<Array<ResolversTypes['ProductOption']>, ParentType, ContextType>;
  variants?: Resolver<Array<ResolversTypes['Variant']>, ParentType, ContextType>;
  priceRange?: Resolver<Maybe<ResolversTypes['PriceRange']>, ParentType, ContextType>;
  rating?: Resolver<ResolversTypes['ProductRating'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reviews?: Resolver<ResolversTypes['ReviewConnection'], ParentType, ContextType, RequireFields<ProductReviewsArgs, 'first'>>;
};

export type ReviewConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReviewConnection'] = ResolversParentTypes['ReviewConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Review']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ReviewResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Review'] = ResolversParentTypes['Review']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  productId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sellerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  rating?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  attributes?: Resolver<ResolversTypes['JSONObject'], ParentType, ContextType>;
  authorName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  verifiedPurchase?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ReviewStatus'], ParentType, ContextType>;
  reply?: Resolver<Maybe<ResolversTypes['ReviewReply']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type ReviewStatusResolvers = { VISIBLE: 'visible', HIDDEN: 'hidden' };

export type ReviewReplyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReviewReply'] = ResolversParentTypes['ReviewReply']> = {
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type ProductRatingResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProductRating'] = ResolversParentTypes['ProductRating']> = {
  average?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  distribution?: Resolver<ResolversTypes['JSONObject'], ParentType, ContextType>;
};

export type ImageResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Image'] = ResolversParentTypes['Image']> = {
  id?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  alt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  width?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  height?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ProductOptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProductOption'] = ResolversParentTypes['ProductOption']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  values?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type VariantResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Variant'] = ResolversParentTypes['Variant']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  options?: Resolver<ResolversTypes['JSONObject'], ParentType, ContextType>;
  price?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  prices?: Resolver<Array<ResolversTypes['Money']>, ParentType, ContextType>;
  availableQuantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CategoryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Category'] = ResolversParentTypes['Category']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  handle?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parentId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  depth?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  path?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['Category']>, ParentType, ContextType>;
  children?: Resolver<Array<ResolversTypes['Category']>, ParentType, ContextType>;
};

export type SellerStatusResolvers = { PENDING: 'pending', ACTIVE: 'active', SUSPENDED: 'suspended' };

export type SellerResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Seller'] = ResolversParentTypes['Seller']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  handle?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['SellerStatus'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  profile?: Resolver<Maybe<ResolversTypes['SellerProfile']>, ParentType, ContextType>;
  rating?: Resolver<ResolversTypes['ProductRating'], ParentType, ContextType>;
};

export type SellerProfileResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SellerProfile'] = ResolversParentTypes['SellerProfile']> = {
  story?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  policies?: Resolver<ResolversTypes['SellerPolicies'], ParentType, ContextType>;
  links?: Resolver<Array<ResolversTypes['SellerLink']>, ParentType, ContextType>;
};

export type SellerPoliciesResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SellerPolicies'] = ResolversParentTypes['SellerPolicies']> = {
  shipping?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  returns?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  warranty?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type SellerLinkResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SellerLink'] = ResolversParentTypes['SellerLink']> = {
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CartStatusResolvers = { ACTIVE: 'active', COMPLETED: 'completed' };

export type CartResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Cart'] = ResolversParentTypes['Cart']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CartStatus'], ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  shippingAddress?: Resolver<Maybe<ResolversTypes['ShippingAddress']>, ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['CartItem']>, ParentType, ContextType>;
  sellers?: Resolver<Array<ResolversTypes['CartSellerGroup']>, ParentType, ContextType>;
  totals?: Resolver<ResolversTypes['CartTotals'], ParentType, ContextType>;
  taxRateBps?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  checkoutReady?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  problems?: Resolver<Array<ResolversTypes['CartProblem']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type CartItemResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CartItem'] = ResolversParentTypes['CartItem']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  variantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  productId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  productHandle?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  productTitle?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  variantTitle?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sellerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unitPrice?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  subtotal?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  availableQuantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
};

export type CartSellerGroupResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CartSellerGroup'] = ResolversParentTypes['CartSellerGroup']> = {
  sellerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sellerName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  itemIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  subtotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  shipping?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  tax?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  total?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
};

export type CartTotalsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CartTotals'] = ResolversParentTypes['CartTotals']> = {
  subtotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  shipping?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  tax?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  total?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
};

export type CartProblemResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CartProblem'] = ResolversParentTypes['CartProblem']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  detail?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  itemId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  sellerId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type ShippingAddressResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ShippingAddress'] = ResolversParentTypes['ShippingAddress']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  line1?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  line2?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  postalCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  country?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type OrderResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  shippingAddress?: Resolver<ResolversTypes['ShippingAddress'], ParentType, ContextType>;
  totals?: Resolver<ResolversTypes['OrderTotals'], ParentType, ContextType>;
  sellerOrders?: Resolver<Array<ResolversTypes['SellerOrder']>, ParentType, ContextType>;
  accessToken?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  watchToken?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type OrderTotalsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['OrderTotals'] = ResolversParentTypes['OrderTotals']> = {
  subtotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  shipping?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  tax?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type SellerOrderResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SellerOrder'] = ResolversParentTypes['SellerOrder']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sellerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sellerName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['OrderLine']>, ParentType, ContextType>;
  totals?: Resolver<ResolversTypes['OrderTotals'], ParentType, ContextType>;
  fulfillments?: Resolver<Array<ResolversTypes['Fulfillment']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type OrderLineResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['OrderLine'] = ResolversParentTypes['OrderLine']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  variantId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  productId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  productTitle?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  variantTitle?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  subtotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  fulfilledQuantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  image?: Resolver<Maybe<ResolversTypes['Image']>, ParentType, ContextType>;
  review?: Resolver<Maybe<ResolversTypes['OrderLineReview']>, ParentType, ContextType>;
};

export type OrderLineReviewResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['OrderLineReview'] = ResolversParentTypes['OrderLineReview']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  rating?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type FulfillmentResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Fulfillment'] = ResolversParentTypes['Fulfillment']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  carrier?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  trackingNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type CustomerResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  emailVerified?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  signInProvider?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  providers?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  addresses?: Resolver<Array<ResolversTypes['CustomerAddress']>, ParentType, ContextType>;
  orders?: Resolver<ResolversTypes['OrderConnection'], ParentType, ContextType, RequireFields<CustomerOrdersArgs, 'first'>>;
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType, RequireFields<CustomerOrderArgs, 'id'>>;
  cart?: Resolver<Maybe<ResolversTypes['Cart']>, ParentType, ContextType>;
};

export type CustomerAddressResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CustomerAddress'] = ResolversParentTypes['CustomerAddress']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  isDefault?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  address?: Resolver<ResolversTypes['ShippingAddress'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type OrderConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['OrderConnection'] = ResolversParentTypes['OrderConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Order']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ContentKindResolvers = { HOME: 'home', BANNER: 'banner', NAVIGATION: 'navigation', PAGE: 'page' };

export type ContentDocumentResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ContentDocument'] = ResolversParentTypes['ContentDocument']> = {
  theme?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ContentKind'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  data?: Resolver<ResolversTypes['JSONObject'], ParentType, ContextType>;
  publishedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type Resolvers<ContextType = GraphQLContext> = {
  MinorUnits?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  JSONObject?: GraphQLScalarType;
  Query?: QueryResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  ProductSort?: ProductSortResolvers;
  ProductConnection?: ProductConnectionResolvers<ContextType>;
  ProductEdge?: ProductEdgeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  PriceRange?: PriceRangeResolvers<ContextType>;
  ProductStatus?: ProductStatusResolvers;
  Product?: ProductResolvers<ContextType>;
  ReviewConnection?: ReviewConnectionResolvers<ContextType>;
  Review?: ReviewResolvers<ContextType>;
  ReviewStatus?: ReviewStatusResolvers;
  ReviewReply?: ReviewReplyResolvers<ContextType>;
  ProductRating?: ProductRatingResolvers<ContextType>;
  Image?: ImageResolvers<ContextType>;
  ProductOption?: ProductOptionResolvers<ContextType>;
  Variant?: VariantResolvers<ContextType>;
  Category?: CategoryResolvers<ContextType>;
  SellerStatus?: SellerStatusResolvers;
  Seller?: SellerResolvers<ContextType>;
  SellerProfile?: SellerProfileResolvers<ContextType>;
  SellerPolicies?: SellerPoliciesResolvers<ContextType>;
  SellerLink?: SellerLinkResolvers<ContextType>;
  CartStatus?: CartStatusResolvers;
  Cart?: CartResolvers<ContextType>;
  CartItem?: CartItemResolvers<ContextType>;
  CartSellerGroup?: CartSellerGroupResolvers<ContextType>;
  CartTotals?: CartTotalsResolvers<ContextType>;
  CartProblem?: CartProblemResolvers<ContextType>;
  ShippingAddress?: ShippingAddressResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  OrderTotals?: OrderTotalsResolvers<ContextType>;
  SellerOrder?: SellerOrderResolvers<ContextType>;
  OrderLine?: OrderLineResolvers<ContextType>;
  OrderLineReview?: OrderLineReviewResolvers<ContextType>;
  Fulfillment?: FulfillmentResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  CustomerAddress?: CustomerAddressResolvers<ContextType>;
  OrderConnection?: OrderConnectionResolvers<ContextType>;
  ContentKind?: ContentKindResolvers;
  ContentDocument?: ContentDocumentResolvers<ContextType>;
};

