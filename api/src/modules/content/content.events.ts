import type { DomainEvent } from '../events/index.js';
import type { ContentDoc } from './content.documents.js';

/** Marketplace-wide: content belongs to the operator (and moves the catalog cache's position). */
export function contentPublished(doc: ContentDoc): DomainEvent<'content.published'> {
  return {
    type: 'content.published',
    aggregateType: 'content',
    aggregateId: doc._id,
    sellerId: null,
    data: {
      theme: doc.theme,
      kind: doc.kind,
      key: doc.key,
      published_version: doc.published_version ?? doc.version,
    },
  };
}

export function sellerProfileUpdated(sellerId: string): DomainEvent<'seller_profile.updated'> {
  return {
    type: 'seller_profile.updated',
    aggregateType: 'seller',
    aggregateId: sellerId,
    sellerId,
    data: { seller_id: sellerId },
  };
}
