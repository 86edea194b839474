import type { Schemas } from '@souk/sdk';

/**
 * What an order page offers for one of its lines:
 * - `none`: nothing to review yet (not shipped) or any more (the product was deleted);
 * - `open`: the review form;
 * - `reviewed`: the buyer's review exists (`line.review` holds its rating), so no second form, which
 *   the API would refuse with `already_reviewed`.
 *
 * A line read while the API could not say (`review` absent) is `open`: the form is shown and the API
 * still refuses a second review.
 */
export function lineReviewState(
  line: Pick<Schemas['OrderLine'], 'fulfilled_quantity' | 'product_id' | 'review'>,
): 'none' | 'open' | 'reviewed' {
  if (line.review) return 'reviewed';
  return line.fulfilled_quantity > 0 && line.product_id !== null ? 'open' : 'none';
}
