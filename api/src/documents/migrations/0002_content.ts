import type { DocumentMigration } from '../documents.js';

/** Content documents are listed per theme (their `_id` is `theme:kind:key`, unique by construction). */
export const content: DocumentMigration = {
  name: '0002_content',
  async up(store) {
    await store.createIndex('content', {
      name: 'theme_kind_key',
      keys: [
        ['theme', 1],
        ['kind', 1],
        ['key', 1],
      ],
      unique: true,
    });
  },
};
