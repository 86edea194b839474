'use server';

import { isSoukError } from '@souk/sdk';
import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { ORDER_TOKEN_COOKIE } from '@/lib/cookies';
import { souk } from '@/lib/souk';

/** What the review form shows after a submit. */
export interface ReviewState {
  done: boolean;
  error: string | null;
}

const messages: Record<string, string> = {
  already_reviewed: 'You already reviewed this item. Thank you!',
  not_purchased: 'This item can be reviewed once it has shipped.',
  own_product: 'Sellers cannot review their own products.',
  validation_failed: 'Please choose a rating and write a title and a review.',
};

/** Sends a review of one order line, proving the purchase with the order's token (an httpOnly cookie). */
export async function submitReview(_prev: ReviewState, formData: FormData): Promise<ReviewState> {
  const token = (await cookies()).get(ORDER_TOKEN_COOKIE)?.value;
  if (!token) return { done: false, error: 'Open this page in the browser you ordered with to review.' };
  const text = (name: string) => String(formData.get(name) ?? '').trim();
  const fit = text('fit');
  try {
    await souk.store.reviews.create(
      {
        order_id: text('order_id'),
        order_line_id: text('order_line_id'),
        rating: Number(text('rating')),
        title: text('title'),
        body: text('body'),
        ...(fit ? { attributes: { fit } } : {}),
      },
      { orderToken: token },
    );
    // Product pages are static (ISR): regenerate them so the new review and rating show on the next visit.
    revalidatePath('/products/[handle]/[currency]', 'page');
    return { done: true, error: null };
  } catch (err) {
    for (const [code, message] of Object.entries(messages)) {
      if (isSoukError(err, code as 'not_found')) return { done: code === 'already_reviewed', error: message };
    }
    return { done: false, error: 'Your review could not be sent. Please try again in a moment.' };
  }
}
