import type { Schemas } from '@souk/sdk';
import styles from './reviews.module.css';

type Rating = Schemas['ProductRating'];

/** Five stars filled to the average (to the tenth), with the review count; "No reviews yet" without any. */
export function RatingStars({ rating, href, compact }: { rating: Rating; href?: string; compact?: boolean }) {
  const label =
    rating.average === null
      ? 'No reviews yet'
      : `Rated ${rating.average.toFixed(1)} out of 5 from ${rating.count} ${rating.count === 1 ? 'review' : 'reviews'}`;
  const fill = `${((rating.average ?? 0) / 5) * 100}%`;
  const count =
    rating.count === 0 ? 'No reviews yet' : `${rating.count} ${rating.count === 1 ? 'review' : 'reviews'}`;
  return (
    <span
      className={styles.stars}
      data-testid="rating"
      data-average={rating.average ?? ''}
      data-count={rating.count}
    >
      <span className={styles.starRow} role="img" aria-label={label}>
        ★★★★★
        <span className={styles.starFill} style={{ width: fill }} aria-hidden="true">
          ★★★★★
        </span>
      </span>
      {rating.average !== null && <strong>{rating.average.toFixed(1)}</strong>}
      {compact ? null : href ? <a href={href}>{count}</a> : <span>{count}</span>}
    </span>
  );
}
