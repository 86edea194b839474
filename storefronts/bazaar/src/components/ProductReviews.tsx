import type { Schemas } from '@souk/sdk';
import { describeAttributes } from '@souk/storefront-kit';
import { souk } from '@/lib/souk';
import { RatingStars, Stars } from './RatingStars';
import styles from './reviews.module.css';

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

/** One review: stars, title, body, the buyer's facts (fit, size…) and the seller's reply. */
function ReviewItem({ review }: { review: Schemas['Review'] }) {
  const facts = describeAttributes(review.attributes);
  return (
    <li className={styles.review} data-testid="review">
      <Stars value={review.rating} label={`Rated ${review.rating} out of 5`} />
      <h3>{review.title}</h3>
      <p className={styles.meta}>
        {review.author_name} · {dateFormat.format(new Date(review.created_at))} ·{' '}
        <span className={styles.verified}>Verified purchase</span>
      </p>
      <p>{review.body}</p>
      {facts.length > 0 && (
        <ul className={styles.facts}>
          {facts.map((fact) => (
            <li key={fact.key}>
              {fact.label}: <strong>{fact.value}</strong>
            </li>
          ))}
        </ul>
      )}
      {review.reply && (
        <div className={styles.reply} data-testid="review-reply">
          <strong>Reply from the seller</strong>
          <p>{review.reply.body}</p>
        </div>
      )}
    </li>
  );
}

/**
 * The product's reviews section: average, distribution per star and the newest reviews. A failing
 * review service hides the section instead of breaking the product page.
 */
export async function ProductReviews({ productId }: { productId: string }) {
  let page: Schemas['ReviewList'];
  try {
    // No retries: a review store that is down hides the section at once.
    page = await souk.store.reviews.list(productId, { limit: 10 }, { maxRetries: 0 });
  } catch {
    return null;
  }
  const rating = page.rating;
  // Without a review there is no average to show nor a distribution to draw: one line says so.
  if (!rating || rating.count === 0 || page.data.length === 0) {
    return (
      <section
        className={styles.section}
        aria-labelledby="reviews-heading"
        id="reviews"
        data-testid="reviews"
      >
        <h2 id="reviews-heading">Customer reviews</h2>
        <p className="muted">
          No reviews yet. Bought it? Review it from your order page once it has shipped.
        </p>
      </section>
    );
  }
  return (
    <section className={styles.section} aria-labelledby="reviews-heading" id="reviews" data-testid="reviews">
      <h2 id="reviews-heading">Customer reviews</h2>
      <div className={styles.summary}>
        <div>
          <p className={styles.average}>{rating.average === null ? '—' : rating.average.toFixed(1)}</p>
          <RatingStars rating={rating} average={false} />
        </div>
        <ul className={styles.bars} aria-label="Reviews per star">
          {(['5', '4', '3', '2', '1'] as const).map((star) => {
            const n = rating.distribution[star];
            const share = Math.round((n / rating.count) * 100);
            return (
              <li key={star} className={styles.bar}>
                <span>{star} star</span>
                <span className={styles.track} aria-hidden="true">
                  <span style={{ width: `${share}%` }} />
                </span>
                <span className="muted">{n}</span>
              </li>
            );
          })}
        </ul>
      </div>
      <ul className={styles.list}>
        {page.data.map((review) => (
          <ReviewItem key={review.id} review={review} />
        ))}
      </ul>
    </section>
  );
}
