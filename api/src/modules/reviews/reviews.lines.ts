import { setTimeout as sleep } from 'node:timers/promises';
import { type DocumentStore, isDocumentStoreUnavailable } from '../../documents/index.js';
import type { components } from '../../generated/openapi.js';
import { reviewsOf } from './reviews.documents.js';

type Order = components['schemas']['Order'];
type LineReview = NonNullable<components['schemas']['OrderLine']['review']>;

/**
 * The buyer's orders with each line's review (`{ id, rating }`, or null while the line has none), so a
 * theme offers the review form only where a review can still be written, and an account's order list
 * can say which orders still wait for one. One document-store read on the unique `order_line_id` index
 * for all the orders (one order, or one page of them). When the store cannot be read, or has not
 * answered within `waitMs`, the orders are answered without the field: the orders matter more than the
 * hint, and a second review is still refused by that unique index.
 */
export async function withLinesReviewed(
  documents: DocumentStore,
  orders: readonly Order[],
  { waitMs = 1_500 }: { waitMs?: number } = {},
): Promise<Order[]> {
  const lineIds = orders.flatMap((order) =>
    order.seller_orders.flatMap((part) => part.lines.map((l) => l.id)),
  );
  if (lineIds.length === 0) return [...orders];
  const read = reviewsOf(documents)
    .find({ order_line_id: { $in: lineIds } })
    .then((docs) => new Map(docs.map((doc) => [doc.order_line_id, { id: doc._id, rating: doc.rating }])));
  // A store that is down answers only after the driver's server selection gives up (5 s): an order
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
  if (!reviewed) return [...orders];
  const found = reviewed;
  return orders.map((order) => ({
    ...order,
    seller_orders: order.seller_orders.map((part) => ({
      ...part,
      lines: part.lines.map((line) => ({ ...line, review: found.get(line.id) ?? null })),
    })),
  }));
}

/** One order with each line's review or null (`withLinesReviewed` for a single order). */
export async function withLineReviews(
  documents: DocumentStore,
  order: Order,
  options: { waitMs?: number } = {},
): Promise<Order> {
  const [one] = await withLinesReviewed(documents, [order], options);
  return one ?? order;
}
