import { describe, expect, it } from 'vitest';
import { lineReviewState, linesToReview } from './reviews';

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

describe('linesToReview', () => {
  const line = (id: string, more: object) => ({
    id,
    fulfilled_quantity: 1,
    product_id: 'prod_1',
    review: null,
    ...more,
  });
  it('points at the shipped lines without a review, across the seller orders, in order', () => {
    const order = {
      seller_orders: [
        { lines: [line('oli_1', {}), line('oli_2', { review: { id: 'rev_1', rating: 5 } })] },
        {
          lines: [
            line('oli_3', { fulfilled_quantity: 0 }),
            line('oli_4', { product_id: null }),
            line('oli_5', {}),
          ],
        },
      ],
    };
    expect(linesToReview(order)).toEqual(['oli_1', 'oli_5']);
  });
  it('asks for nothing on a guess: lines read without the field do not count', () => {
    const { review: _, ...unknown } = line('oli_1', {});
    expect(linesToReview({ seller_orders: [{ lines: [unknown] }] })).toEqual([]);
  });
});
