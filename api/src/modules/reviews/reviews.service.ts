import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import {
  type DocumentStore,
  DuplicateDocumentError,
  isDocumentStoreUnavailable,
} from '../../documents/index.js';
import { AppError } from '../../errors.js';
import type { components } from '../../generated/openapi.js';
import { newestFirstPage } from '../../lib/cursor.js';
import { newId } from '../../lib/ids.js';
import { hashKey } from '../auth/index.js';
import { productIdByOldHandle } from '../catalog/index.js';
import { ratingOf, sellerRatingOf, syncReview } from './reviews.aggregates.js';
import { type ReviewDoc, reportsOf, reviewsOf } from './reviews.documents.js';
import {
  alreadyReplied,
  alreadyReviewed,
  documentsUnavailable,
  notPurchased,
  ownProduct,
  reviewNotFound,
} from './reviews.errors.js';
import { withLineReviews, withLinesReviewed } from './reviews.lines.js';
import * as repo from './reviews.repository.js';
import { type Review, shortName, toManagedReview, toReview } from './reviews.views.js';

type Schemas = components['schemas'];
type ReviewList = Schemas['ReviewList'];
type Page = { limit?: number; cursor?: string };

/**
 * The order of every review list. Document migration 0001 indexes `created_at` per product (and
 * status) and per seller, so a page is an index range from the cursor's bound; `_id` breaks ties.
 */
const NEWEST_FIRST = [
  ['created_at', -1],
  ['_id', -1],
] as const;

/** Who claims the purchase: a signed-in customer, or a guest holding the order's access token. */
export type Buyer = { customerId?: string | undefined; orderToken?: string | undefined };

/**
 * Document-store calls fail as a 503 the client may retry, not a 500: the store (FerretDB, MongoDB)
 * is a dependency that can restart. Duplicates and our own errors pass through.
 */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof AppError || err instanceof DuplicateDocumentError) throw err;
    if (isDocumentStoreUnavailable(err)) throw documentsUnavailable(err);
    throw err;
  }
}

/** Reviews and ratings: verified-purchase writes, seller replies, operator moderation, abuse reports. */
export function createReviewsService({
  db,
  documents,
  clock = () => new Date(),
}: {
  db: Kysely<Database>;
  documents: DocumentStore;
  clock?: () => Date;
}) {
  const reviews = reviewsOf(documents);
  const deps = { db, documents };

  /**
   * A page of `filter`'s reviews, newest first (`created_at`, then `_id`, both descending). The cursor
   * is the keyset of the page's last review, tied to the filter: a review written while a client pages
   * is newer than the bound, so it neither repeats one already shown nor pushes an older one out of
   * reach, as an offset did.
   */
  const page = async (
    filter: Record<string, string>,
    input: Page,
    view: (d: ReviewDoc[]) => Promise<Review[]>,
  ) => {
    const { rows, next_cursor } = await newestFirstPage(input, ['reviews', 'keyset', filter], (after, n) =>
      guarded(() =>
        reviews.find(filter, {
          sort: NEWEST_FIRST,
          limit: n,
          ...(after ? { after: [after.sortKey, after.id] } : {}),
        }),
      ).then((docs) => docs.map((doc) => ({ id: doc._id, created_at: new Date(doc.created_at), doc }))),
    );
    return { data: await view(rows.map((r) => r.doc)), next_cursor };
  };

  const load = async (id: string) => {
    const doc = await guarded(() => reviews.get(id));
    if (!doc) throw reviewNotFound(id);
    return doc;
  };

  /** Writes a change (compare-and-set on `expect`), then syncs aggregates and the event. */
  const change = async (doc: ReviewDoc, expect: Partial<ReviewDoc>, set: Partial<ReviewDoc>) => {
    const next: ReviewDoc = { ...doc, ...set, updated_at: clock().toISOString(), synced: false };
    const changed = await guarded(() =>
      reviews.update(
        { _id: doc._id, ...(expect as Record<string, string | null>) },
        { ...set, updated_at: next.updated_at, synced: false, last_event: next.last_event },
      ),
    );
    if (!changed) return undefined;
    await guarded(() => syncReview(deps, next));
    return next;
  };

  return {
    /** The buyer's order with each line's review or null (see `withLinesReviewed`). */
    withLineReviews: (order: Schemas['Order']) => withLineReviews(documents, order),
    /** A page of the buyer's orders, the same way, in one read. */
    withLinesReviewed: (orders: readonly Schemas['Order'][]) => withLinesReviewed(documents, orders),

    /**
     * A buyer reviews a shipped line of their order: 403 `not_purchased` unless the order is theirs
     * (account or token) and the line has shipped, 403 `own_product` for the seller's own staff,
     * 409 `already_reviewed` for a second review of the line.
     */
    async create(buyer: Buyer, input: Schemas['ReviewCreate']): Promise<Review> {
      const line = await repo.findOrderLine(db, input.order_id, input.order_line_id);
      const owns =
        line !== undefined &&
        ((buyer.customerId !== undefined && line.customer_id === buyer.customerId) ||
          (buyer.orderToken !== undefined && line.access_token_hash === hashKey(buyer.orderToken)));
      if (!line || !owns || line.fulfilled_quantity < 1 || line.product_id === null) throw notPurchased();
      if (
        await repo.isSellerStaff(db, line.seller_id, {
          customerId: buyer.customerId ?? null,
          email: line.email,
        })
      )
        throw ownProduct();
      const now = clock().toISOString();
      const doc: ReviewDoc = {
        _id: newId('rev'),
        product_id: line.product_id,
        seller_id: line.seller_id,
        order_id: line.order_id,
        order_line_id: line.line_id,
        customer_id: line.customer_id,
        rating: input.rating,
        title: input.title.trim() || input.title,
        body: input.body,
        attributes: input.attributes ?? {},
        author_name: input.author_name?.trim() || shortName(line.shipping_name),
        status: 'visible',
        reply: null,
        moderation: null,
        created_at: now,
        updated_at: now,
        synced: false,
        last_event: 'review.created',
      };
      try {
        await guarded(() => reviews.insert(doc));
      } catch (err) {
        if (err instanceof DuplicateDocumentError) throw alreadyReviewed();
        throw err;
      }
      await guarded(() => syncReview(deps, doc));
      return toReview(doc);
    },

    /** Visible reviews of a published product, newest first, with its rating. */
    async listForProduct(idOrHandle: string, input: Page): Promise<ReviewList> {
      const product =
        (await repo.findVisibleProduct(db, idOrHandle)) ??
        (await productIdByOldHandle(db, idOrHandle).then((id) =>
          id === undefined ? undefined : repo.findVisibleProduct(db, id),
        ));
      if (!product) throw new AppError('not_found', `No product '${idOrHandle}'.`);
      const result = await page({ product_id: product.id, status: 'visible' }, input, async (d) =>
        d.map(toReview),
      );
      return { ...result, rating: ratingOf(await repo.productRating(db, product.id)) };
    },

    /** Every review of the seller's products (hidden ones too), with the seller's rating. */
    async listForSeller(
      sellerId: string,
      input: Page & { status?: ReviewDoc['status'] },
    ): Promise<ReviewList> {
      const filter = { seller_id: sellerId, ...(input.status ? { status: input.status } : {}) };
      const result = await page(filter, input, async (d) => d.map((r) => toManagedReview(r)));
      return { ...result, rating: await sellerRatingOf(db, sellerId) };
    },

    /** Every review, with report counts (operator). */
    async listAll(input: Page & { status?: ReviewDoc['status'] }): Promise<ReviewList> {
      return page(input.status ? { status: input.status } : {}, input, async (docs) => {
        const ids = docs.map((d) => d._id);
        const counts =
          ids.length === 0
            ? new Map()
            : await guarded(() => reportsOf(documents).countBy({ review_id: { $in: ids } }, 'review_id'));
        return docs.map((d) => toManagedReview(d, counts.get(d._id) ?? 0));
      });
    },

    /** The seller's one reply; 409 `already_replied` for a second. */
    async reply(sellerId: string, reviewId: string, body: string): Promise<Review> {
      const doc = await load(reviewId);
      if (doc.seller_id !== sellerId) throw reviewNotFound(reviewId);
      const reply = { body, created_at: clock().toISOString() };
      const next = await change(doc, { reply: null } as Partial<ReviewDoc>, {
        reply,
        last_event: 'review.replied',
      });
      if (!next) throw alreadyReplied();
      return toManagedReview(next);
    },

    /** Hides or restores a review; the aggregates follow at once. */
    async moderate(reviewId: string, input: Schemas['ReviewModeration']): Promise<Review> {
      const doc = await load(reviewId);
      const from = input.action === 'hide' ? 'visible' : 'hidden';
      const moderation = { action: input.action, reason: input.reason, at: clock().toISOString() };
      const next = await change(
        doc,
        { status: from },
        {
          status: input.action === 'hide' ? 'hidden' : 'visible',
          moderation,
          last_event: 'review.moderated',
        },
      );
      if (!next) {
        throw new AppError(
          'invalid_state',
          `The review is already ${input.action === 'hide' ? 'hidden' : 'visible'}.`,
        );
      }
      return toManagedReview(next, await guarded(() => reportsOf(documents).count({ review_id: reviewId })));
    },

    /** Records an abuse report; a signed-in shopper's repeated report of one review counts once. */
    async report(
      reviewId: string,
      reporter: string | undefined,
      input: Schemas['ReviewReport'],
    ): Promise<void> {
      const doc = await load(reviewId);
      if (doc.status !== 'visible') throw reviewNotFound(reviewId);
      try {
        await guarded(() =>
          reportsOf(documents).insert({
            _id: newId('rrp'),
            review_id: reviewId,
            // Anonymous reports cannot be told apart: each counts.
            reporter: reporter ?? newId('anon'),
            reason: input.reason,
            note: input.note ?? null,
            created_at: clock().toISOString(),
          }),
        );
      } catch (err) {
        if (!(err instanceof DuplicateDocumentError)) throw err;
      }
    },
  };
}

export type ReviewsService = ReturnType<typeof createReviewsService>;
