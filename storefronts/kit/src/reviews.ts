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

/**
 * The lines of an order that wait for the buyer's review — shipped, the product still sold, none
 * written — for an account's order list to point at. Lines read without `review` (the API could not
 * say) are left out: a list does not ask for a review on a guess, where an order page still offers
 * the form.
 */
export function linesToReview(order: {
  seller_orders: readonly {
    lines: readonly Pick<Schemas['OrderLine'], 'id' | 'fulfilled_quantity' | 'product_id' | 'review'>[];
  }[];
}): string[] {
  return order.seller_orders.flatMap((part) =>
    part.lines
      .filter((line) => line.review === null && lineReviewState(line) === 'open')
      .map((line) => line.id),
  );
}

/** The order page's anchor of a line's review form (`/orders/{id}#review-<line id>`). */
export const reviewAnchor = (lineId: string): string => `review-${lineId}`;
