import { setTimeout as sleep } from 'node:timers/promises';
import { type DocumentStore, isDocumentStoreUnavailable } from '../../documents/index.js';
import type { components } from '../../generated/openapi.js';
import { reviewsOf } from './reviews.documents.js';

type Order = components['schemas']['Order'];
type LineReview = NonNullable<components['schemas']['OrderLine']['review']>;

/**
 * The buyer's order with each line's review (`{ id, rating }`, or null while the line has none), so a
 * theme offers the review form only where a review can still be written. One document-store read on
 * the unique `order_line_id` index for the whole order. When the store cannot be read, or has not
 * answered within `waitMs`, the order is answered without the field: the order page matters more than
 * the hint, and a second review is still refused by that unique index.
 */
export async function withLineReviews(
  documents: DocumentStore,
  order: Order,
  { waitMs = 1_500 }: { waitMs?: number } = {},
): Promise<Order> {
  const lineIds = order.seller_orders.flatMap((part) => part.lines.map((line) => line.id));
  if (lineIds.length === 0) return order;
  const read = reviewsOf(documents)
    .find({ order_line_id: { $in: lineIds } })
    .then((docs) => new Map(docs.map((doc) => [doc.order_line_id, { id: doc._id, rating: doc.rating }])));
  // A store that is down answers only after the driver's server selection gives up (5 s): the order
  // page does not wait that long for a hint.
  const giveUp = new AbortController();
  const late = sleep(waitMs, undefined, { signal: giveUp.signal }).catch(() => undefined);
  let reviewed: Map<string, LineReview> | undefined;
  try {
    // A read that fails after losing the race is already handled by the race.
    reviewed = await Promise.race([read, late]);
  } catch (err) {
    if (!isDocumentStoreUnavailable(err)) throw err;
  } finally {
    giveUp.abort();
  }
  if (!reviewed) return order;
  const found = reviewed;
  return {
    ...order,
    seller_orders: order.seller_orders.map((part) => ({
      ...part,
      lines: part.lines.map((line) => ({ ...line, review: found.get(line.id) ?? null })),
    })),
  };
}
