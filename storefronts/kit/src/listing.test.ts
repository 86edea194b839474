import { describe, expect, it } from 'vitest';
import {
  effectiveSort,
  listingHref,
  paginate,
  parseListing,
  shopperFilters,
  sortChoices,
  toProductQuery,
  withoutEmptyFields,
} from './listing';

describe('listing state', () => {
  it('drops unknown and contradictory parameters', () => {
    const state = parseListing({ q: '  boots ', sort: 'relevance', min: 'x', max: '40', junk: 'y' });
    expect(state).toEqual({ q: 'boots', sort: 'relevance', max: '40' });
    expect(parseListing({ sort: 'relevance' })).toEqual({});
    // A trail without a cursor means nothing.
    expect(parseListing({ back: 'a' })).toEqual({});
  });

  it('builds the API query in minor units of the currency', () => {
    expect(toProductQuery({ min: '10', max: '19.99' }, 'USD')).toMatchObject({
      min_price: 1000,
      max_price: 1999,
    });
    expect(toProductQuery({ min: '1000' }, 'JPY')).toMatchObject({ min_price: 1000 });
  });

  it('offers relevance only for a search', () => {
    expect(sortChoices({})).toEqual(['newest', 'price_asc', 'price_desc', 'rating']);
    expect(sortChoices({ q: 'boots' })).toContain('relevance');
  });

  it("names the order a listing is in when it has no sort: the API's default", () => {
    expect(effectiveSort({})).toBe('newest');
    expect(effectiveSort({ q: 'boots' })).toBe('relevance');
    expect(effectiveSort({ q: 'boots', sort: 'price_asc' })).toBe('price_asc');
  });

  it('keeps fixed keys out of the query string and orders the rest', () => {
    expect(
      listingHref('/categories/boots', { sort: 'newest', category: 'boots', q: 'x' }, { category: 'boots' }),
    ).toBe('/categories/boots?q=x&sort=newest');
  });
});

describe('paginate', () => {
  it('walks forward and back through keyset pages', () => {
    const page1 = paginate('/products', { q: 'mug' }, 'c1');
    expect(page1).toEqual({
      page: 1,
      previous: null,
      next: '/products?q=mug&cursor=c1',
      first: null,
      pages: [{ number: 1, href: '/products?q=mug' }],
    });

    const s2 = parseListing({ q: 'mug', cursor: 'c1' });
    const page2 = paginate('/products', s2, 'c2');
    expect(page2.page).toBe(2);
    expect(page2.previous).toBe('/products?q=mug');
    expect(page2.next).toBe('/products?q=mug&cursor=c2&back=c1');

    const s3 = parseListing(Object.fromEntries(new URL(`http://x${page2.next}`).searchParams));
    const page3 = paginate('/products', s3, null);
    expect(page3).toEqual({
      page: 3,
      previous: '/products?q=mug&cursor=c1',
      next: null,
      first: '/products?q=mug',
      pages: [
        { number: 1, href: '/products?q=mug' },
        { number: 2, href: '/products?q=mug&cursor=c1' },
        { number: 3, href: '/products?q=mug&cursor=c2&back=c1' },
      ],
    });
  });

  it('reads a trail of several pages', () => {
    const state = parseListing({ cursor: 'c3', back: ['c1', 'c2'] });
    const links = paginate('/products', state, 'c4');
    expect(links.page).toBe(4);
    expect(links.previous).toBe('/products?cursor=c2&back=c1');
    expect(links.next).toBe('/products?cursor=c4&back=c1&back=c2&back=c3');
  });
});

describe('shopperFilters', () => {
  it('counts the category, seller and price a shopper set, not the words, the order or the position', () => {
    const state = {
      q: 'linen',
      category: 'apparel',
      seller: 'pixel',
      min: '10',
      max: '99',
      sort: 'price_asc' as const,
      cursor: 'c2',
      back: ['c1'],
    };
    const { count, without } = shopperFilters(state);
    expect(count).toBe(4);
    expect(without).toEqual({ q: 'linen', sort: 'price_asc' });
  });

  it("leaves out and keeps what the page fixes (a category page's category, a maker page's maker)", () => {
    const onCategory = shopperFilters({ category: 'boots', max: '50' }, { category: 'boots' });
    expect(onCategory).toEqual({ count: 1, without: { category: 'boots' } });
    const onMaker = shopperFilters({ seller: 'pixel' }, { seller: 'pixel' });
    expect(onMaker).toEqual({ count: 0, without: { seller: 'pixel' } });
    expect(listingHref('/makers/pixel', onMaker.without, { seller: 'pixel' })).toBe('/makers/pixel');
  });
});

describe('a listing query without its empty fields', () => {
  it('drops the blank fields a GET form sends, keeping the rest in order', () => {
    expect(withoutEmptyFields({ seller: '', min: '', max: '100', sort: 'price_asc' })).toBe(
      '?max=100&sort=price_asc',
    );
    expect(withoutEmptyFields({ q: 'linen', min: ' ', utm_source: 'mail' })).toBe('?q=linen&utm_source=mail');
    expect(withoutEmptyFields({ back: ['a', ''], cursor: 'c' })).toBe('?back=a&cursor=c');
  });

  it('is null when nothing is blank, so a tidy address is not redirected', () => {
    expect(withoutEmptyFields({ max: '100' })).toBeNull();
    expect(withoutEmptyFields({})).toBeNull();
    // Not a listing field: left to whoever set it.
    expect(withoutEmptyFields({ utm_source: '' })).toBeNull();
  });

  it('is empty when every field was blank', () => {
    expect(withoutEmptyFields({ seller: '', min: '', max: '' })).toBe('');
  });
});
