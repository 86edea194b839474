import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { DocumentStore } from '../../documents/index.js';
import { type ProductRating, toRating } from '../catalog/index.js';
import { recordEvents } from '../events/index.js';
import { type ReviewDoc, reviewsOf, starCounts } from './reviews.documents.js';
import { reviewEvent } from './reviews.events.js';
import * as repo from './reviews.repository.js';

/**
 * Recomputes the product's and the seller's aggregates from the document store and writes them to
 * PostgreSQL with the review's event, in one SQL transaction, then marks the review synced.
 *
 * Why this is exact under concurrent writes without multi-document transactions (FerretDB has none):
 * the counts are read only after both aggregate rows are locked, and every writer calls this after its
 * own document write was acknowledged. Whichever writer takes the lock last therefore counts every
 * review acknowledged before it, and it writes last. A crash between the document write and this
 * commit leaves the review `synced: false`; `resync` finishes it (the event may then be delivered
 * twice, which the at-least-once contract already allows).
 */
export async function syncReview(
  deps: { db: Kysely<Database>; documents: DocumentStore },
  review: ReviewDoc,
): Promise<ProductRating> {
  // Its own transaction, not a handler's: it runs once the review's document write (which no SQL
  // transaction covers) was acknowledged, and again from `resync`.
  const rating = await deps.db.transaction().execute(async (trx) => {
    await repo.lockRatings(trx, review.product_id, review.seller_id);
    // On the embedded store the counts are read on this transaction (one PGlite connection).
    const reviews = reviewsOf(deps.documents.onSqlTransaction(trx));
    const productStars = await starCounts(reviews, { product_id: review.product_id });
    const sellerStars = await starCounts(reviews, { seller_id: review.seller_id });
    await repo.writeProductRating(trx, review.product_id, productStars);
    await repo.writeSellerRating(trx, review.seller_id, sellerStars);
    const productRating = toRating(
      productStars.reduce((a, b) => a + b, 0),
      productStars.reduce((a, n, i) => a + n * (i + 1), 0),
      productStars,
    );
    await recordEvents(trx, [eventOf(review, productRating)]);
    return productRating;
  });
  // Best effort: the aggregates and the event are committed; if this mark is lost, the sweep syncs the
  // review again (same counts, the event once more), so the request still succeeds.
  await reviewsOf(deps.documents)
    .update({ _id: review._id, updated_at: review.updated_at }, { synced: true })
    .catch(() => undefined);
  return rating;
}

function eventOf(review: ReviewDoc, product_rating: ProductRating) {
  const base = {
    review_id: review._id,
    product_id: review.product_id,
    seller_id: review.seller_id,
    product_rating,
  };
  switch (review.last_event) {
    case 'review.created':
      return reviewEvent('review.created', review._id, review.seller_id, {
        ...base,
        rating: review.rating,
        title: review.title,
        order_id: review.order_id,
        order_line_id: review.order_line_id,
      });
    case 'review.moderated':
      return reviewEvent('review.moderated', review._id, review.seller_id, {
        ...base,
        action: review.moderation?.action ?? 'hide',
        reason: review.moderation?.reason ?? '',
      });
    case 'review.replied':
      return reviewEvent('review.replied', review._id, review.seller_id, {
        ...base,
        reply: review.reply?.body ?? '',
      });
  }
}

/**
 * Finishes reviews whose sync was interrupted (the API crashed, or PostgreSQL failed, after the document
 * write). Only those last changed more than `olderThanMs` ago: younger ones are still being synced by
 * their own request. Returns how many it synced.
 */
export async function resyncReviews(
  deps: { db: Kysely<Database>; documents: DocumentStore },
  olderThanMs = 30_000,
  now = Date.now(),
): Promise<number> {
  const pending = await reviewsOf(deps.documents).find(
    { synced: false },
    { sort: [['updated_at', 1]], limit: 100 },
  );
  let done = 0;
  for (const review of pending) {
    if (now - Date.parse(review.updated_at) < olderThanMs) continue;
    await syncReview(deps, review);
    done++;
  }
  return done;
}

/** A stored aggregate row as the API's rating (all zero before the first review: no row). */
export function ratingOf(row: repo.RatingRow | undefined): ProductRating {
  return toRating(row?.review_count ?? 0, row?.rating_sum ?? 0, row?.star_counts ?? [0, 0, 0, 0, 0]);
}

/** The seller's rating as stored in PostgreSQL (all zero before the first review). */
export async function sellerRatingOf(db: Kysely<Database>, sellerId: string): Promise<ProductRating> {
  const [rating] = await sellerRatingsOf(db, [sellerId]);
  return rating as ProductRating;
}

/** The ratings of several sellers in one statement, in the order of `sellerIds`. */
export async function sellerRatingsOf(
  db: Kysely<Database>,
  sellerIds: readonly string[],
): Promise<ProductRating[]> {
  const rows = new Map((await repo.sellerRatings(db, sellerIds)).map((row) => [row.seller_id, row]));
  return sellerIds.map((id) => ratingOf(rows.get(id)));
}
