import type { DomainEvent, EventData, EventType } from '../events/index.js';

export type ReviewEventType = Extract<EventType, 'review.created' | 'review.moderated' | 'review.replied'>;

/** An event about a review, scoped to the seller whose product it reviews (webhooks reach that seller). */
export function reviewEvent<T extends ReviewEventType>(
  type: T,
  reviewId: string,
  sellerId: string,
  data: EventData<T>,
): DomainEvent<T> {
  return { type, aggregateType: 'review', aggregateId: reviewId, sellerId, data } as DomainEvent<T>;
}
