import type { Schemas } from '@souk/sdk';
import { reviewCount } from '@souk/storefront-kit';
import styles from './reviews.module.css';

type Rating = Schemas['ProductRating'];

/** Five stars filled to `value` out of 5 (to the tenth), named by `label` for screen readers. */
export function Stars({ value, label }: { value: number; label: string }) {
  return (
    <span className={styles.starRow} role="img" aria-label={label}>
      ★★★★★
      <span className={styles.starFill} style={{ width: `${(value / 5) * 100}%` }} aria-hidden="true">
        ★★★★★
      </span>
    </span>
  );
}

/**
 * A product's rating: five stars filled to the average, the average and the review count ("No reviews
 * yet" without any). `average={false}` leaves the number out where the page already shows it large.
 */
export function RatingStars({
  rating,
  href,
  compact,
  average = true,
}: {
  rating: Rating;
  href?: string;
  compact?: boolean;
  average?: boolean;
}) {
  const label =
    rating.average === null
      ? 'No reviews yet'
      : `Rated ${rating.average.toFixed(1)} out of 5 from ${reviewCount(rating.count)}`;
  const count = rating.count === 0 ? 'No reviews yet' : reviewCount(rating.count);
  return (
    <span
      className={styles.stars}
      data-testid="rating"
      data-average={rating.average ?? ''}
      data-count={rating.count}
    >
      <Stars value={rating.average ?? 0} label={label} />
      {average && rating.average !== null && <strong>{rating.average.toFixed(1)}</strong>}
      {compact ? null : href ? <a href={href}>{count}</a> : <span>{count}</span>}
    </span>
  );
}
