import { createSellerProfileApi } from './content.js';
import { type RequestOptions, type SoukCore, unwrap } from './core.js';
import { paginate } from './pagination.js';
import { createProductImagesApi } from './product-images.js';
import { createSellerReviewsApi } from './reviews.js';
import type { ListItem, PathParams, QueryParams, RequestBody, ResponseBody } from './types.js';
import { createWebhookEndpointsApi } from './webhook-endpoints.js';

type ProductId = PathParams<'getSellerProduct'>['productId'];
type VariantId = PathParams<'updateSellerVariant'>['variantId'];
type SellerOrderId = PathParams<'getSellerOrder'>['sellerOrderId'];

/** The seller API (`/seller/*`); use that seller's secret key on a server, never in a browser. */
export function createSellerApi(core: SoukCore) {
  const { api } = core;
  const path = (productId: ProductId) => ({ params: { path: { productId } } });
  const listProducts = (query: QueryParams<'listSellerProducts'> = {}, options?: RequestOptions) =>
    unwrap<ResponseBody<'listSellerProducts'>>(
      api.GET('/seller/products', { params: { query }, ...core.init(options) }),
    );
  const listOrders = (query: QueryParams<'listSellerOrders'> = {}, options?: RequestOptions) =>
    unwrap<ResponseBody<'listSellerOrders'>>(
      api.GET('/seller/orders', { params: { query }, ...core.init(options) }),
    );
  return {
    products: {
      /** One page of the seller's products, any status (`GET /seller/products`). */
      list: listProducts,
      /** Every product of the seller, page after page. */
      listAll: (
        query: Omit<QueryParams<'listSellerProducts'>, 'cursor'> = {},
        options?: RequestOptions,
      ): AsyncGenerator<ListItem<'listSellerProducts'>, void, undefined> =>
        paginate((cursor) => listProducts({ ...query, ...(cursor ? { cursor } : {}) }, options)),
      /** Creates a product with its variants, as a draft unless `status` says otherwise. */
      create: (body: RequestBody<'createSellerProduct'>, options?: RequestOptions) =>
        unwrap<ResponseBody<'createSellerProduct'>>(
          api.POST('/seller/products', {
            params: { header: core.idempotency(options) },
            body,
            ...core.init(options),
          }),
        ),
      /** One of the seller's products (`GET /seller/products/{productId}`). */
      get: (productId: ProductId, options?: RequestOptions) =>
        unwrap<ResponseBody<'getSellerProduct'>>(
          api.GET('/seller/products/{productId}', { ...path(productId), ...core.init(options) }),
        ),
      /** Changes product fields (`PATCH /seller/products/{productId}`). */
      update: (productId: ProductId, body: RequestBody<'updateSellerProduct'>, options?: RequestOptions) =>
        unwrap<ResponseBody<'updateSellerProduct'>>(
          api.PATCH('/seller/products/{productId}', { ...path(productId), body, ...core.init(options) }),
        ),
      /** Deletes a product (`DELETE /seller/products/{productId}`). */
      delete: (productId: ProductId, options?: RequestOptions) =>
        unwrap<undefined>(
          api.DELETE('/seller/products/{productId}', { ...path(productId), ...core.init(options) }),
        ),
      /** Makes a product visible in the store. */
      publish: (productId: ProductId, options?: RequestOptions) =>
        unwrap<ResponseBody<'publishSellerProduct'>>(
          api.POST('/seller/products/{productId}/publish', { ...path(productId), ...core.init(options) }),
        ),
      /** Hides a product from the store. */
      unpublish: (productId: ProductId, options?: RequestOptions) =>
        unwrap<ResponseBody<'unpublishSellerProduct'>>(
          api.POST('/seller/products/{productId}/unpublish', { ...path(productId), ...core.init(options) }),
        ),
    },
    variants: {
      /** Adds a variant to a product; returns the product. */
      create: (productId: ProductId, body: RequestBody<'createSellerVariant'>, options?: RequestOptions) =>
        unwrap<ResponseBody<'createSellerVariant'>>(
          api.POST('/seller/products/{productId}/variants', {
            params: { path: { productId }, header: core.idempotency(options) },
            body,
            ...core.init(options),
          }),
        ),
      /** Changes a variant; returns the product. */
      update: (
        productId: ProductId,
        variantId: VariantId,
        body: RequestBody<'updateSellerVariant'>,
        options?: RequestOptions,
      ) =>
        unwrap<ResponseBody<'updateSellerVariant'>>(
          api.PATCH('/seller/products/{productId}/variants/{variantId}', {
            params: { path: { productId, variantId } },
            body,
            ...core.init(options),
          }),
        ),
      /** Deletes a variant. */
      delete: (productId: ProductId, variantId: VariantId, options?: RequestOptions) =>
        unwrap<undefined>(
          api.DELETE('/seller/products/{productId}/variants/{variantId}', {
            params: { path: { productId, variantId } },
            ...core.init(options),
          }),
        ),
    },
    inventory: {
      /** Sets or adjusts stock of several variants at once (`POST /seller/inventory`). */
      update: (body: RequestBody<'updateSellerInventory'>, options?: RequestOptions) =>
        unwrap<ResponseBody<'updateSellerInventory'>>(
          api.POST('/seller/inventory', {
            params: { header: core.idempotency(options) },
            body,
            ...core.init(options),
          }),
        ),
    },
    orders: {
      /** One page of the seller's orders (`GET /seller/orders`). */
      list: listOrders,
      /** Every order of the seller, page after page. */
      listAll: (
        query: Omit<QueryParams<'listSellerOrders'>, 'cursor'> = {},
        options?: RequestOptions,
      ): AsyncGenerator<ListItem<'listSellerOrders'>, void, undefined> =>
        paginate((cursor) => listOrders({ ...query, ...(cursor ? { cursor } : {}) }, options)),
      /** One seller order (`GET /seller/orders/{sellerOrderId}`). */
      get: (sellerOrderId: SellerOrderId, options?: RequestOptions) =>
        unwrap<ResponseBody<'getSellerOrder'>>(
          api.GET('/seller/orders/{sellerOrderId}', {
            params: { path: { sellerOrderId } },
            ...core.init(options),
          }),
        ),
      /** Ships lines of an order (`POST /seller/orders/{sellerOrderId}/fulfillments`). */
      fulfill: (
        sellerOrderId: SellerOrderId,
        body: RequestBody<'createSellerOrderFulfillment'>,
        options?: RequestOptions,
      ) =>
        unwrap<ResponseBody<'createSellerOrderFulfillment'>>(
          api.POST('/seller/orders/{sellerOrderId}/fulfillments', {
            params: { path: { sellerOrderId }, header: core.idempotency(options) },
            body,
            ...core.init(options),
          }),
        ),
      /** Cancels an unfulfilled order and releases its stock. */
      cancel: (sellerOrderId: SellerOrderId, options?: RequestOptions) =>
        unwrap<ResponseBody<'cancelSellerOrder'>>(
          api.POST('/seller/orders/{sellerOrderId}/cancel', {
            params: { path: { sellerOrderId } },
            ...core.init(options),
          }),
        ),
    },
    balance: {
      /** The seller's balance per currency (`GET /seller/balance`). */
      get: (options?: RequestOptions) =>
        unwrap<ResponseBody<'getSellerBalance'>>(api.GET('/seller/balance', { ...core.init(options) })),
    },
    payouts: {
      /** The seller's payouts (`GET /seller/payouts`). */
      list: (options?: RequestOptions) =>
        unwrap<ResponseBody<'listSellerPayouts'>>(api.GET('/seller/payouts', { ...core.init(options) })),
    },
    shippingRates: {
      /** The seller's flat shipping rate per currency. */
      list: (options?: RequestOptions) =>
        unwrap<ResponseBody<'listSellerShippingRates'>>(
          api.GET('/seller/shipping-rates', { ...core.init(options) }),
        ),
      /** Sets the flat shipping rate of a currency (`PUT /seller/shipping-rates/{currency}`). */
      set: (
        currency: PathParams<'setSellerShippingRate'>['currency'],
        body: RequestBody<'setSellerShippingRate'>,
        options?: RequestOptions,
      ) =>
        unwrap<ResponseBody<'setSellerShippingRate'>>(
          api.PUT('/seller/shipping-rates/{currency}', {
            params: { path: { currency } },
            body,
            ...core.init(options),
          }),
        ),
    },
    profile: createSellerProfileApi(core),
    reviews: createSellerReviewsApi(core),
    webhookEndpoints: createWebhookEndpointsApi(core, 'seller'),
    /** A product's images: upload, reorder, alt text, delete. */
    images: createProductImagesApi(core),
  };
}

/** The `seller` namespace of a Souk client. */
export type SellerApi = ReturnType<typeof createSellerApi>;
