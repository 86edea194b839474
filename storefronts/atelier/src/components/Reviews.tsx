import type { Schemas } from '@souk/sdk';
import { describeAttributes, reviewCount } from '@souk/storefront-kit';
import { store } from '@/lib/store';

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'long' });

/** Five stars, `value` of them filled, read out as one phrase. */
export function Stars({ value, label }: { value: number; label: string }) {
  const filled = Math.round(value);
  return (
    <span className="stars" role="img" aria-label={label}>
      <span aria-hidden="true">{'★'.repeat(filled)}</span>
      <span className="stars__off" aria-hidden="true">
        {'★'.repeat(5 - filled)}
      </span>
    </span>
  );
}

/** "4.3 out of 5 · 12 reviews": a rating in words and stars, or nothing without reviews. */
export function RatingLine({ rating, href }: { rating: Schemas['ProductRating']; href?: string }) {
  if (rating.average === null || rating.count === 0) return null;
  const body = (
    <>
      <Stars value={rating.average} label={`Rated ${rating.average.toFixed(1)} out of 5`} />
      <span>
        {rating.average.toFixed(1)} · {reviewCount(rating.count)}
      </span>
    </>
  );
  return (
    <p className="rating-line" data-testid="rating" data-count={rating.count}>
      {href ? (
        <a className="rating-line__link" href={href}>
          {body}
        </a>
      ) : (
        body
      )}
    </p>
  );
}

/**
 * The product's reviews, newest first: each with its stars, the buyer's own facts (fit, size…) and
 * the maker's reply. Only buyers of a shipped piece can write one (`POST /store/reviews`). A failing
 * review service hides the section rather than the product.
 */
export async function Reviews({ productId }: { productId: string }) {
  let page: Schemas['ReviewList'];
  try {
    // No retries: a review store that is down hides the section at once.
    page = await store.souk.store.reviews.list(productId, { limit: 6 }, { maxRetries: 0 });
  } catch {
    return null;
  }
  return (
    <section className="reviews" id="reviews" aria-labelledby="reviews-heading" data-testid="reviews">
      <header className="reviews__head">
        <h2 id="reviews-heading">From those who bought it</h2>
        {page.rating && <RatingLine rating={page.rating} />}
      </header>
      {page.data.length === 0 ? (
        <p className="reviews__empty">
          No reviews yet. Every review here comes from someone who bought the piece and received it.
        </p>
      ) : (
        <ul className="reviews__list">
          {page.data.map((review) => {
            const facts = describeAttributes(review.attributes);
            return (
              <li key={review.id} className="review" data-testid="review">
                <Stars value={review.rating} label={`Rated ${review.rating} out of 5`} />
                <h3>{review.title}</h3>
                <p className="review__body">{review.body}</p>
                {facts.length > 0 && (
                  <p className="review__facts">
                    {facts.map((fact) => `${fact.label}: ${fact.value}`).join(' · ')}
                  </p>
                )}
                <p className="review__meta">
                  {review.author_name} · {dateFormat.format(new Date(review.created_at))} · Verified purchase
                </p>
                {review.reply && (
                  <blockquote className="review__reply" data-testid="review-reply">
                    <p className="eyebrow">The maker replies</p>
                    <p>{review.reply.body}</p>
                  </blockquote>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
