'use client';

import type { ReviewState } from '@souk/storefront-kit/server';
import { useActionState } from 'react';
import { submitReview } from '@/app/actions/review';

const initial: ReviewState = { done: false, error: null };
const STARS = [1, 2, 3, 4, 5] as const;

/**
 * "Review this piece" under a shipped line of an order: folded until opened, then stars, a title and
 * the words; the maker's other buyers read it on the product page.
 */
export function ReviewForm({ orderId, lineId, title }: { orderId: string; lineId: string; title: string }) {
  const [state, action, pending] = useActionState(submitReview, initial);
  if (state.done) {
    return (
      <p className="review-write__thanks" role="status" data-testid="review-thanks">
        {state.error ?? 'Thank you. Your review is on the piece’s page.'}
      </p>
    );
  }
  const id = (name: string) => `${lineId}-${name}`;
  return (
    <details className="review-write" data-testid="review-write">
      <summary>
        Review this piece<span className="visually-hidden">: {title}</span>
      </summary>
      <form action={action} className="review-write__form" aria-label={`Review ${title}`}>
        <input type="hidden" name="order_id" value={orderId} />
        <input type="hidden" name="order_line_id" value={lineId} />
        {state.error && (
          <p role="alert" className="alert">
            {state.error}
          </p>
        )}
        <fieldset className="star-pick">
          <legend>Your rating</legend>
          {STARS.map((n) => (
            <label key={n}>
              <input type="radio" name="rating" value={n} required />
              <span aria-hidden="true">★</span>
              <span className="visually-hidden">{n === 1 ? '1 star' : `${n} stars`}</span>
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={id('title')}>Title</label>
          <input id={id('title')} name="title" required maxLength={120} />
        </div>
        <div className="field">
          <label htmlFor={id('body')}>Your words</label>
          <textarea id={id('body')} name="body" required maxLength={5000} rows={4} />
        </div>
        <button type="submit" className="btn" disabled={pending}>
          {pending ? 'Sending…' : 'Publish review'}
        </button>
      </form>
    </details>
  );
}
