import { describe, expect, it } from 'vitest';
import { reviewCount, sellerPolicies } from './sellers';

describe('seller pages', () => {
  it('labels the policies a seller wrote, in a fixed order, leaving out the empty ones', () => {
    expect(sellerPolicies({ warranty: 'Two years.', shipping: 'Next day.', returns: '' })).toEqual([
      { key: 'shipping', label: 'Shipping', text: 'Next day.' },
      { key: 'warranty', label: 'Warranty', text: 'Two years.' },
    ]);
    expect(sellerPolicies({ returns: null })).toEqual([]);
  });

  it('counts reviews in words', () => {
    expect([reviewCount(0), reviewCount(1), reviewCount(12)]).toEqual([
      '0 reviews',
      '1 review',
      '12 reviews',
    ]);
  });
});
