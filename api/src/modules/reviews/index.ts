/** Public surface of the reviews module: other modules import from here only. */
export { resyncReviews, sellerRatingOf, sellerRatingsOf } from './reviews.aggregates.js';
export { createReviewsService, type ReviewsService } from './reviews.service.js';
export type { ReviewsTables } from './reviews.table.js';
