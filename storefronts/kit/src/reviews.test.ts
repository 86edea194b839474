import { describe, expect, it } from 'vitest';
import { lineReviewState } from './reviews';

describe('lineReviewState', () => {
  const shipped = { fulfilled_quantity: 1, product_id: 'prod_1' };
  it('offers the form for a shipped line without a review, also when the API could not say', () => {
    expect(lineReviewState({ ...shipped, review: null })).toBe('open');
    expect(lineReviewState(shipped)).toBe('open');
  });
  it('shows a written review instead of a second form', () => {
    expect(lineReviewState({ ...shipped, review: { id: 'rev_1', rating: 4 } })).toBe('reviewed');
  });
  it('offers nothing before shipping or once the product is gone', () => {
    expect(lineReviewState({ ...shipped, fulfilled_quantity: 0, review: null })).toBe('none');
    expect(lineReviewState({ ...shipped, product_id: null, review: null })).toBe('none');
  });
});
