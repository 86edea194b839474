import { createStoreContentApi } from './content.js';
import { type RequestOptions, type SoukCore, unwrap } from './core.js';
import { createStoreCustomersApi } from './customers.js';
import { paginate } from './pagination.js';
import { createStoreReviewsApi } from './reviews.js';
import type { ListItem, PathParams, QueryParams, RequestBody, ResponseBody } from './types.js';

type CartId = PathParams<'getStoreCart'>['cartId'];
type ItemId = PathParams<'updateStoreCartItem'>['itemId'];

/** The storefront API (`/store/*`); use a publishable key (`pk_…`), safe in a browser. */
export function createStoreApi(core: SoukCore) {
  const { api } = core;
  return {
    products: {
      /** One page of published products (`GET /store/products`). */
      list: (query: QueryParams<'listStoreProducts'> = {}, options?: RequestOptions) =>
        unwrap<ResponseBody<'listStoreProducts'>>(
          api.GET('/store/products', { params: { query }, ...core.init(options) }),
        ),
      /** Every product matching `query`, page after page: `for await (const p of listAll({ q }))`. */
      listAll: (
        query: Omit<QueryParams<'listStoreProducts'>, 'cursor'> = {},
        options?: RequestOptions,
      ): AsyncGenerator<ListItem<'listStoreProducts'>, void, undefined> =>
        paginate((cursor) =>
          unwrap<ResponseBody<'listStoreProducts'>>(
            api.GET('/store/products', {
              params: { query: { ...query, ...(cursor ? { cursor } : {}) } },
              ...core.init(options),
            }),
          ),
        ),
      /** Full-text and faceted search (`POST /store/products/search`). */
      search: (body: RequestBody<'searchStoreProducts'>, options?: RequestOptions) =>
        unwrap<ResponseBody<'searchStoreProducts'>>(
          api.POST('/store/products/search', { body, ...core.init(options) }),
        ),
      /** A product by id or handle (`GET /store/products/{idOrHandle}`). */
      get: (
        idOrHandle: PathParams<'getStoreProduct'>['idOrHandle'],
        query: QueryParams<'getStoreProduct'> = {},
        options?: RequestOptions,
      ) =>
        unwrap<ResponseBody<'getStoreProduct'>>(
          api.GET('/store/products/{idOrHandle}', {
            params: { path: { idOrHandle }, query },
            ...core.init(options),
          }),
        ),
    },
    categories: {
      /** The category tree (`GET /store/categories`). */
      list: (options?: RequestOptions) =>
        unwrap<ResponseBody<'listStoreCategories'>>(api.GET('/store/categories', { ...core.init(options) })),
    },
    sellers: {
      /** A seller's public profile (`GET /store/sellers/{idOrHandle}`). */
      get: (idOrHandle: PathParams<'getStoreSeller'>['idOrHandle'], options?: RequestOptions) =>
        unwrap<ResponseBody<'getStoreSeller'>>(
          api.GET('/store/sellers/{idOrHandle}', { params: { path: { idOrHandle } }, ...core.init(options) }),
        ),
      /** A seller's page: profile (story, policies, links) and rating (`GET /store/sellers/{idOrHandle}/page`). */
      page: (idOrHandle: PathParams<'getStoreSellerPage'>['idOrHandle'], options?: RequestOptions) =>
        unwrap<ResponseBody<'getStoreSellerPage'>>(
          api.GET('/store/sellers/{idOrHandle}/page', {
            params: { path: { idOrHandle } },
            ...core.init(options),
          }),
        ),
    },
    carts: {
      /** Creates a cart (`POST /store/carts`). Its id is its capability: keep it like a session secret. */
      create: (body: RequestBody<'createStoreCart'>, options?: RequestOptions) =>
        unwrap<ResponseBody<'createStoreCart'>>(
          api.POST('/store/carts', {
            body,
            params: { header: core.idempotency(options) },
            ...core.init(options),
          }),
        ),
      /** A cart with its lines, per-seller groups, totals and problems (`GET /store/carts/{cartId}`). */
      get: (cartId: CartId, options?: RequestOptions) =>
        unwrap<ResponseBody<'getStoreCart'>>(
          api.GET('/store/carts/{cartId}', { params: { path: { cartId } }, ...core.init(options) }),
        ),
      /** Sets email and/or shipping address (`PATCH /store/carts/{cartId}`). */
      update: (cartId: CartId, body: RequestBody<'updateStoreCart'>, options?: RequestOptions) =>
        unwrap<ResponseBody<'updateStoreCart'>>(
          api.PATCH('/store/carts/{cartId}', { params: { path: { cartId } }, body, ...core.init(options) }),
        ),
      /** Adds a variant (`POST /store/carts/{cartId}/items`); returns the whole cart. */
      addItem: (cartId: CartId, body: RequestBody<'addStoreCartItem'>, options?: RequestOptions) =>
        unwrap<ResponseBody<'addStoreCartItem'>>(
          api.POST('/store/carts/{cartId}/items', {
            params: { path: { cartId }, header: core.idempotency(options) },
            body,
            ...core.init(options),
          }),
        ),
      /** Changes a line's quantity (`PATCH /store/carts/{cartId}/items/{itemId}`). */
      updateItem: (
        cartId: CartId,
        itemId: ItemId,
        body: RequestBody<'updateStoreCartItem'>,
        options?: RequestOptions,
      ) =>
        unwrap<ResponseBody<'updateStoreCartItem'>>(
          api.PATCH('/store/carts/{cartId}/items/{itemId}', {
            params: { path: { cartId, itemId } },
            body,
            ...core.init(options),
          }),
        ),
      /** Removes a line (`DELETE /store/carts/{cartId}/items/{itemId}`); returns the cart. */
      removeItem: (cartId: CartId, itemId: ItemId, options?: RequestOptions) =>
        unwrap<ResponseBody<'removeStoreCartItem'>>(
          api.DELETE('/store/carts/{cartId}/items/{itemId}', {
            params: { path: { cartId, itemId } },
            ...core.init(options),
          }),
        ),
      /**
       * Places the order (`POST /store/carts/{cartId}/checkout`). Sends `options.idempotencyKey` or a fresh
       * UUID as `Idempotency-Key`, so network failures are retried without ever placing two orders.
       * The returned order carries `access_token`, shown only here: keep it to read the order later.
       */
      checkout: (cartId: CartId, body: RequestBody<'checkoutStoreCart'>, options?: RequestOptions) =>
        unwrap<ResponseBody<'checkoutStoreCart'>>(
          api.POST('/store/carts/{cartId}/checkout', {
            params: { path: { cartId }, header: core.idempotency(options) },
            body,
            ...core.init(options),
          }),
        ),
    },
    content: createStoreContentApi(core),
    reviews: createStoreReviewsApi(core),
    customers: createStoreCustomersApi(core),
    orders: {
      /** A buyer's order, readable with the `access_token` checkout returned (`GET /store/orders/{orderId}`). */
      get: (orderId: PathParams<'getStoreOrder'>['orderId'], accessToken: string, options?: RequestOptions) =>
        unwrap<ResponseBody<'getStoreOrder'>>(
          api.GET('/store/orders/{orderId}', {
            params: { path: { orderId }, header: { 'X-Order-Token': accessToken } },
            ...core.init(options),
          }),
        ),
    },
  };
}

/** The `store` namespace of a Souk client. */
export type StoreApi = ReturnType<typeof createStoreApi>;
