import { type RequestOptions, type SoukCore, unwrap } from './core.js';
import { paginate } from './pagination.js';
import type { ListItem, PathParams, QueryParams, RequestBody, ResponseBody } from './types.js';

type ReviewId = PathParams<'replySellerReview'>['reviewId'];

/** Who proves the purchase: the shopper's ID token, or a guest's order access token. */
export type ReviewAuth = { idToken: string } | { orderToken: string };

/** `store.reviews`: read a product's reviews, write one after a purchase, report abuse. */
export function createStoreReviewsApi(core: SoukCore) {
  const { api } = core;
  const list = (
    idOrHandle: PathParams<'listStoreProductReviews'>['idOrHandle'],
    query: QueryParams<'listStoreProductReviews'> = {},
    options?: RequestOptions,
  ) =>
    unwrap<ResponseBody<'listStoreProductReviews'>>(
      api.GET('/store/products/{idOrHandle}/reviews', {
        params: { path: { idOrHandle }, query },
        ...core.init(options),
      }),
    );
  return {
    /** One page of a product's visible reviews with its rating (`GET /store/products/{idOrHandle}/reviews`). */
    list,
    /** Every visible review of a product, page after page. */
    listAll: (
      idOrHandle: PathParams<'listStoreProductReviews'>['idOrHandle'],
      options?: RequestOptions,
    ): AsyncGenerator<ListItem<'listStoreProductReviews'>, void, undefined> =>
      paginate((cursor) => list(idOrHandle, cursor ? { cursor } : {}, options)),
    /**
     * Reviews a shipped line of the buyer's order (`POST /store/reviews`). 403 `not_purchased`,
     * 403 `own_product`, 409 `already_reviewed`.
     */
    create: (body: RequestBody<'createStoreReview'>, auth: ReviewAuth, options?: RequestOptions) =>
      unwrap<ResponseBody<'createStoreReview'>>(
        api.POST('/store/reviews', {
          body,
          ...core.init({
            ...options,
            headers: {
              ...options?.headers,
              ...('idToken' in auth
                ? { authorization: `Bearer ${auth.idToken}` }
                : { 'x-order-token': auth.orderToken }),
            },
          }),
        }),
      ),
    /** Reports an abusive review (`POST /store/reviews/{reviewId}/reports`). */
    report: (reviewId: ReviewId, body: RequestBody<'reportStoreReview'>, options?: RequestOptions) =>
      unwrap<undefined>(
        api.POST('/store/reviews/{reviewId}/reports', {
          params: { path: { reviewId } },
          body,
          ...core.init(options),
        }),
      ),
  };
}

/** `seller.reviews`: the reviews of the seller's products and its one reply to each. */
export function createSellerReviewsApi(core: SoukCore) {
  const { api } = core;
  const list = (query: QueryParams<'listSellerReviews'> = {}, options?: RequestOptions) =>
    unwrap<ResponseBody<'listSellerReviews'>>(
      api.GET('/seller/reviews', { params: { query }, ...core.init(options) }),
    );
  return {
    /** One page of reviews of the seller's products, hidden ones too (`GET /seller/reviews`). */
    list,
    /** Every review of the seller's products, page after page. */
    listAll: (
      query: Omit<QueryParams<'listSellerReviews'>, 'cursor'> = {},
      options?: RequestOptions,
    ): AsyncGenerator<ListItem<'listSellerReviews'>, void, undefined> =>
      paginate((cursor) => list({ ...query, ...(cursor ? { cursor } : {}) }, options)),
    /** The seller's one public reply (`POST /seller/reviews/{reviewId}/reply`); 409 `already_replied`. */
    reply: (reviewId: ReviewId, body: RequestBody<'replySellerReview'>, options?: RequestOptions) =>
      unwrap<ResponseBody<'replySellerReview'>>(
        api.POST('/seller/reviews/{reviewId}/reply', {
          params: { path: { reviewId } },
          body,
          ...core.init(options),
        }),
      ),
  };
}

/** `admin.reviews`: moderation. */
export function createAdminReviewsApi(core: SoukCore) {
  const { api } = core;
  const list = (query: QueryParams<'listAdminReviews'> = {}, options?: RequestOptions) =>
    unwrap<ResponseBody<'listAdminReviews'>>(
      api.GET('/admin/reviews', { params: { query }, ...core.init(options) }),
    );
  return {
    /** One page of every review, with report counts (`GET /admin/reviews`). */
    list,
    /** Every review, page after page. */
    listAll: (
      query: Omit<QueryParams<'listAdminReviews'>, 'cursor'> = {},
      options?: RequestOptions,
    ): AsyncGenerator<ListItem<'listAdminReviews'>, void, undefined> =>
      paginate((cursor) => list({ ...query, ...(cursor ? { cursor } : {}) }, options)),
    /** Hides or restores a review with a reason (`POST /admin/reviews/{reviewId}/moderation`). */
    moderate: (reviewId: ReviewId, body: RequestBody<'moderateAdminReview'>, options?: RequestOptions) =>
      unwrap<ResponseBody<'moderateAdminReview'>>(
        api.POST('/admin/reviews/{reviewId}/moderation', {
          params: { path: { reviewId } },
          body,
          ...core.init(options),
        }),
      ),
  };
}
