import { AppError } from '../../errors.js';
import type { OperationHandlers } from '../../http/operations.js';
import { sellerIdOf } from '../../http/principal.js';
import type { ReviewsService } from './reviews.service.js';

type ReviewHandlers = Pick<
  OperationHandlers,
  | 'listStoreProductReviews'
  | 'createStoreReview'
  | 'reportStoreReview'
  | 'listSellerReviews'
  | 'replySellerReview'
  | 'listAdminReviews'
  | 'moderateAdminReview'
>;

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Handlers of reviews: storefront reads and writes, the seller's replies, the operator's moderation. */
export function reviewHandlers({ reviews }: { reviews: ReviewsService }) {
  return {
    listStoreProductReviews: async ({ params, query }) => ({
      status: 200,
      body: await reviews.listForProduct(params.idOrHandle, query),
    }),
    createStoreReview: async ({ principal, headers, body }) => {
      if (principal.kind !== 'publishable')
        throw new AppError('forbidden', 'Reviews are written on /store with a publishable key.');
      const orderToken = header(headers['x-order-token']);
      return {
        status: 201,
        body: await reviews.create({ customerId: principal.customerId, orderToken }, body),
      };
    },
    reportStoreReview: async ({ principal, params, body }) => {
      const reporter =
        principal.kind === 'publishable' && principal.customerId ? `cus:${principal.customerId}` : undefined;
      await reviews.report(params.reviewId, reporter, body);
      return { status: 204 };
    },
    listSellerReviews: async ({ principal, query }) => ({
      status: 200,
      body: await reviews.listForSeller(sellerIdOf(principal), query),
    }),
    replySellerReview: async ({ principal, params, body }) => ({
      status: 200,
      body: await reviews.reply(sellerIdOf(principal), params.reviewId, body.body),
    }),
    listAdminReviews: async ({ query }) => ({ status: 200, body: await reviews.listAll(query) }),
    moderateAdminReview: async ({ params, body }) => ({
      status: 200,
      body: await reviews.moderate(params.reviewId, body),
    }),
  } satisfies ReviewHandlers;
}
