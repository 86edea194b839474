import { describe, expect, it } from 'vitest';
import { paragraphsOf, sectionProductQuery } from './content';

describe('home page content helpers', () => {
  it('turns a products section into listing parameters with defaults', () => {
    expect(sectionProductQuery(undefined, 'EUR')).toEqual({ currency: 'EUR', limit: 8, sort: 'newest' });
    expect(sectionProductQuery({ category: 'home', sort: 'price_asc', limit: 4 }, 'USD')).toEqual({
      currency: 'USD',
      limit: 4,
      sort: 'price_asc',
      category: 'home',
    });
  });

  it('splits text into paragraphs at blank lines', () => {
    expect(paragraphsOf(undefined)).toEqual([]);
    expect(paragraphsOf('One\nline two\n\n  \n\nTwo  ')).toEqual(['One\nline two', 'Two']);
  });
});
