import type { components } from '../../generated/openapi.js';
import type { ReviewDoc } from './reviews.documents.js';

export type Review = components['schemas']['Review'];

/** The storefront's view: no moderation details. */
export function toReview(doc: ReviewDoc): Review {
  return {
    id: doc._id,
    product_id: doc.product_id,
    seller_id: doc.seller_id,
    rating: doc.rating,
    title: doc.title,
    body: doc.body,
    attributes: doc.attributes ?? {},
    author_name: doc.author_name,
    verified_purchase: true,
    status: doc.status,
    reply: doc.reply ?? null,
    created_at: doc.created_at,
  };
}

/** The seller's and operator's view: with the latest moderation decision (and report count for the operator). */
export function toManagedReview(doc: ReviewDoc, reportCount?: number): Review {
  return {
    ...toReview(doc),
    moderation: doc.moderation ?? null,
    ...(reportCount === undefined ? {} : { report_count: reportCount }),
  };
}

/** "Erika Mustermann" → "Erika M.": the default name shown with a review. */
export function shortName(fullName: string | null): string {
  const parts = (fullName ?? '').trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return 'Verified buyer';
  const [first, ...rest] = parts;
  const last = rest.at(-1);
  return last ? `${first} ${last[0]?.toUpperCase()}.` : (first as string);
}
