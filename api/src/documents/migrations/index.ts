import type { DocumentMigration } from '../documents.js';
import { reviews } from './0001_reviews.js';
import { content } from './0002_content.js';

/** Every document migration, in order (names sort in order; never rename or reorder one). */
export const documentMigrations: readonly DocumentMigration[] = [reviews, content];
