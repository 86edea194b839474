import type { components } from './generated/openapi.js';
import type { OrderWatch } from './modules/realtime/realtime.watch.js';
import type { ReviewsService } from './modules/reviews/reviews.service.js';

type Order = components['schemas']['Order'];

/**
 * What the buyer's reads of orders add to the orders module's answer, for REST (`handlers.ts`) and
 * GraphQL alike: each line's review (the document store's) and, in the signed-in customer's read of
 * one order, the watch token of its real-time room (the real-time server's). They meet here rather
 * than one module importing another.
 */
export function buyersOrderViews({
  reviews,
  orderWatch,
}: {
  reviews: Pick<ReviewsService, 'withLineReviews' | 'withLinesReviewed'>;
  orderWatch: Pick<OrderWatch, 'sign'>;
}) {
  return {
    /** An order read with its access token: each line's review. */
    byToken: (order: Order): Promise<Order> => reviews.withLineReviews(order),
    /** The customer's own order (already known to be theirs): each line's review and the watch token. */
    customers: async (order: Order): Promise<Order> => {
      const [body, watch_token] = await Promise.all([
        reviews.withLineReviews(order),
        orderWatch.sign(order.id),
      ]);
      return { ...body, watch_token };
    },
    /** A page of the customer's orders: each line's review, in one read. */
    customersPage: (orders: readonly Order[]): Promise<Order[]> => reviews.withLinesReviewed(orders),
  };
}

export type BuyersOrderViews = ReturnType<typeof buyersOrderViews>;
