import type { DocumentCollection, DocumentStore } from '../../documents/index.js';

/** A review as stored in the document store (collection `reviews`). */
export interface ReviewDoc {
  _id: string;
  product_id: string;
  seller_id: string;
  order_id: string;
  /** Unique (document migration 0001): one review per purchased line. */
  order_line_id: string;
  customer_id: string | null;
  rating: number;
  title: string;
  body: string;
  /** Category-specific facts (fit, size bought, …): the part whose shape varies. */
  attributes: Record<string, string | number | boolean>;
  author_name: string;
  status: 'visible' | 'hidden';
  reply: { body: string; created_at: string } | null;
  moderation: { action: 'hide' | 'restore'; reason: string; at: string } | null;
  created_at: string;
  updated_at: string;
  /**
   * False until the aggregates and the event of this review's last change are committed in
   * PostgreSQL; the resync sweep finishes the ones a crash or outage left false.
   */
  synced: boolean;
  /** The event of the last change, recorded (again, if need be) by whoever syncs it. */
  last_event: 'review.created' | 'review.moderated' | 'review.replied';
}

/** An abuse report (collection `review_reports`, unique per review and reporter). */
export interface ReviewReportDoc {
  _id: string;
  review_id: string;
  reporter: string;
  reason: string;
  note: string | null;
  created_at: string;
}

export const reviewsOf = (store: DocumentStore): DocumentCollection<ReviewDoc> =>
  store.collection<ReviewDoc>('reviews');

export const reportsOf = (store: DocumentStore): DocumentCollection<ReviewReportDoc> =>
  store.collection<ReviewReportDoc>('review_reports');

/** Counts of visible reviews per star (index 0 = one star) among the documents matching `filter`. */
export async function starCounts(
  reviews: DocumentCollection<ReviewDoc>,
  filter: { product_id: string } | { seller_id: string },
): Promise<number[]> {
  const counts = await reviews.countBy({ ...filter, status: 'visible' }, 'rating');
  return [1, 2, 3, 4, 5].map((star) => counts.get(star) ?? 0);
}
