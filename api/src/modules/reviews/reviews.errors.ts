import { AppError } from '../../errors.js';

/** The purchase cannot be shown: unknown order or line, not the caller's, or not shipped yet. */
export const notPurchased = () =>
  new AppError(
    'not_purchased',
    'Only buyers can review: no shipped line with this id in an order your token or account can show.',
  );

export const ownProduct = () =>
  new AppError(
    'own_product',
    "You are staff of this product's seller: sellers cannot review their own products.",
  );

export const alreadyReviewed = () =>
  new AppError('already_reviewed', 'This order line already has a review.');

export const alreadyReplied = () => new AppError('already_replied', 'This review already has your reply.');

export const reviewNotFound = (id: string) => new AppError('not_found', `No review '${id}'.`);

/** The document store did not answer: nothing (or nothing more) was written. */
export const documentsUnavailable = (cause: unknown) =>
  new AppError('service_unavailable', 'The review store is unavailable; retry in a moment.', { cause });
