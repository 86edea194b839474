import 'server-only';
import { isSoukError, type ProblemCode } from '@souk/sdk';
import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { productPagePaths } from '../revalidation';
import type { Storefront } from './storefront';

/** What a review form shows after a submit: done (the thanks, or `error` when it was reviewed before). */
export interface ReviewState {
  done: boolean;
  error: string | null;
}

type ReviewProof = Parameters<Storefront['souk']['store']['reviews']['create']>[1];

const MESSAGES: Partial<Record<ProblemCode, string>> = {
  already_reviewed: 'You already reviewed this item. Thank you!',
  not_purchased: 'This item can be reviewed once it has shipped.',
  own_product: 'Sellers cannot review their own products.',
  validation_failed: 'Please choose a rating and write a title and a review.',
};

/**
 * The body of a theme's review Server Action: reviews one shipped order line. The purchase is proven
 * with the order's token (the httpOnly cookie of the browser it was placed in) or, failing that, as
 * the signed-in shopper's own order, the same two ways `store.getOrder` reads it. Regenerates the
 * product's pages (static per currency) so the review shows on the next visit; the theme's webhook
 * route does it again on `review.created` (a page being regenerated from before the review, and
 * written after this, would otherwise be kept as new for its minute).
 */
export function createReviewAction(store: Storefront) {
  const { config, souk } = store;

  return async function submitReview(_prev: ReviewState, formData: FormData): Promise<ReviewState> {
    const text = (name: string) => String(formData.get(name) ?? '').trim();
    const fit = text('fit');
    const body = {
      order_id: text('order_id'),
      order_line_id: text('order_line_id'),
      rating: Number(text('rating')),
      title: text('title'),
      body: text('body'),
      ...(fit ? { attributes: { fit } } : {}),
    };
    const orderToken = (await cookies()).get(config.cookies.orderToken)?.value;
    const session = await store.getSessionToken();
    if (!orderToken && !session) {
      return { done: false, error: 'Sign in, or open this page in the browser you ordered with, to review.' };
    }
    // The cookie holds the token of this browser's latest order only: an older order of a signed-in
    // shopper is proven by their session instead.
    const proofs: ReviewProof[] = [];
    if (orderToken) proofs.push({ orderToken });
    if (session) proofs.push({ idToken: session });
    try {
      let productId = '';
      for (const [i, proof] of proofs.entries()) {
        try {
          productId = (await souk.store.reviews.create(body, proof)).product_id;
          break;
        } catch (err) {
          if (i === proofs.length - 1 || !isSoukError(err, 'not_purchased')) throw err;
        }
      }
      const handle = (await store.getProduct(productId).catch(() => null))?.handle ?? null;
      // Literal paths (no type: see the webhook route).
      for (const path of productPagePaths({ id: productId, handle }, config.currencies, false)) {
        revalidatePath(path);
      }
      return { done: true, error: null };
    } catch (err) {
      for (const [code, message] of Object.entries(MESSAGES)) {
        if (isSoukError(err, code as ProblemCode))
          return { done: code === 'already_reviewed', error: message };
      }
      return { done: false, error: 'Your review could not be sent. Please try again in a moment.' };
    }
  };
}
