import type { DocumentMigration } from '../documents.js';

/** Reviews: one per purchased order line; listed per product and per seller, newest first. */
export const reviews: DocumentMigration = {
  name: '0001_reviews',
  async up(store) {
    await store.createIndex('reviews', { name: 'order_line', keys: [['order_line_id', 1]], unique: true });
    await store.createIndex('reviews', {
      name: 'product_status_created',
      keys: [
        ['product_id', 1],
        ['status', 1],
        ['created_at', -1],
      ],
    });
    await store.createIndex('reviews', {
      name: 'seller_created',
      keys: [
        ['seller_id', 1],
        ['created_at', -1],
      ],
    });
    // One report per reporter and review: the unique index makes a repeated report a no-op.
    await store.createIndex('review_reports', {
      name: 'review_reporter',
      keys: [
        ['review_id', 1],
        ['reporter', 1],
      ],
      unique: true,
    });
  },
};
