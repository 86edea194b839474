'use client';

import type { ReviewState } from '@souk/storefront-kit/server';
import { useActionState } from 'react';
import { submitReview } from '@/app/actions/review';
import styles from './reviews.module.css';

const initial: ReviewState = { done: false, error: null };

/** A review form for one shipped order line: stars, title, text and an optional fit. */
export function ReviewForm({
  orderId,
  lineId,
  productTitle,
}: {
  orderId: string;
  lineId: string;
  productTitle: string;
}) {
  const [state, action, pending] = useActionState(submitReview, initial);
  if (state.done) {
    return (
      <p className={styles.thanks} role="status" data-testid="review-thanks">
        {state.error ?? 'Thank you — your review is published.'}
      </p>
    );
  }
  const id = (name: string) => `${lineId}-${name}`;
  return (
    <form
      action={action}
      className={styles.form}
      data-testid="review-form"
      aria-label={`Review ${productTitle}`}
    >
      <input type="hidden" name="order_id" value={orderId} />
      <input type="hidden" name="order_line_id" value={lineId} />
      {state.error && (
        <p role="alert" className="alert alert--error">
          {state.error}
        </p>
      )}
      <fieldset className={styles.picker}>
        <legend className="muted">Your rating</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} title={`${n} star${n === 1 ? '' : 's'}`}>
            <input
              type="radio"
              name="rating"
              value={n}
              required
              aria-label={`${n} star${n === 1 ? '' : 's'}`}
            />
            ★
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={id('title')}>Title</label>
        <input id={id('title')} name="title" required maxLength={120} />
      </div>
      <div className="field">
        <label htmlFor={id('body')}>Your review</label>
        <textarea id={id('body')} name="body" required maxLength={5000} rows={4} />
      </div>
      <div className="field">
        <label htmlFor={id('fit')}>
          Fit <span className="muted">(optional)</span>
        </label>
        <select id={id('fit')} name="fit" defaultValue="">
          <option value="">—</option>
          {/* The values are what the review stores; the labels read as the review will show them. */}
          <option value="runs small">Runs small</option>
          <option value="true to size">True to size</option>
          <option value="runs large">Runs large</option>
        </select>
      </div>
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? 'Sending…' : 'Publish review'}
      </button>
    </form>
  );
}
