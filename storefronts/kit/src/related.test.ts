import type { Product } from '@souk/sdk';
import { describe, expect, it } from 'vitest';
import type { ProductQuery } from './listing';
import { buyableProducts, relatedProducts } from './related';

const categories = [
  { id: 'c_home', handle: 'home', path: ['home'] },
  { id: 'c_kitchen', handle: 'kitchen', path: ['home', 'kitchen'] },
  { id: 'c_cookware', handle: 'cookware', path: ['home', 'kitchen', 'cookware'] },
  { id: 'c_decor', handle: 'decor', path: ['home', 'decor'] },
];
const inCategory: Record<string, string[]> = {
  c_cookware: ['c_cookware'],
  c_kitchen: ['c_kitchen', 'c_cookware'],
  c_home: ['c_home', 'c_kitchen', 'c_cookware', 'c_decor'],
};

function item(id: string, category: string, seller = 's_1', { stock = 1, priced = true } = {}): Product {
  return {
    id,
    category: { id: category, handle: category.slice(2), name: category },
    seller: { id: seller },
    price_range: priced ? { min: { amount: 100, currency: 'USD' } } : null,
    variants: [{ available_quantity: stock }],
  } as unknown as Product;
}

/** A listing over `catalog` that filters as the API does (a category takes its descendants). */
function catalogList(catalog: Product[], seen: ProductQuery[] = []) {
  return async (query: ProductQuery) => {
    seen.push(query);
    const data = catalog
      .filter((p) => !query.category || inCategory[query.category]?.includes(p.category?.id ?? ''))
      .filter((p) => !query.seller || p.seller.id === query.seller)
      .slice(0, query.limit);
    return { data };
  };
}

const pan = item('p_pan', 'c_cookware');

describe('related products', () => {
  it('fill from the product’s own category first, then its parents, then its seller', async () => {
    const catalog = [
      pan,
      item('p_pot', 'c_cookware'),
      item('p_knife', 'c_kitchen'),
      item('p_vase', 'c_decor'),
      item('p_lamp', 'c_other', 's_1'),
      item('p_rug', 'c_other', 's_2'),
    ];
    const seen: ProductQuery[] = [];
    const related = await relatedProducts(catalogList(catalog, seen), pan, {
      categories,
      currency: 'USD',
      limit: 4,
    });
    expect(related.map((p) => p.id)).toEqual(['p_pot', 'p_knife', 'p_vase', 'p_lamp']);
    expect(seen.map((q) => q.category ?? `seller ${q.seller}`)).toEqual([
      'c_cookware',
      'c_kitchen',
      'c_home',
      'seller s_1',
    ]);
    expect(seen.every((q) => q.currency === 'USD' && q.sort === 'rating')).toBe(true);
  });

  it('stop asking once the row is full, and never hold the product itself or a duplicate', async () => {
    const catalog = [pan, ...['a', 'b', 'c', 'd', 'e'].map((id) => item(`p_${id}`, 'c_cookware'))];
    const seen: ProductQuery[] = [];
    const related = await relatedProducts(catalogList(catalog, seen), pan, { categories, currency: 'USD' });
    expect(related.map((p) => p.id)).toEqual(['p_a', 'p_b', 'p_c', 'p_d']);
    expect(seen).toHaveLength(1);
  });

  it('leave out what cannot be bought now: sold out, or not priced in the currency', async () => {
    const catalog = [
      pan,
      item('p_gone', 'c_cookware', 's_1', { stock: 0 }),
      item('p_unpriced', 'c_cookware', 's_1', { priced: false }),
      item('p_ok', 'c_cookware'),
    ];
    const related = await relatedProducts(catalogList(catalog), pan, { categories, currency: 'USD' });
    expect(related.map((p) => p.id)).toEqual(['p_ok']);
  });

  it('skip a step that fails, and use the product’s own category when the tree is missing', async () => {
    const catalog = [pan, item('p_pot', 'c_cookware'), item('p_lamp', 'c_other')];
    const list = catalogList(catalog);
    const failingSeller = async (query: ProductQuery) => {
      if (query.seller) throw new Error('unreachable');
      return list(query);
    };
    const related = await relatedProducts(failingSeller, pan, { categories: [], currency: 'USD' });
    expect(related.map((p) => p.id)).toEqual(['p_pot']);
  });

  it('fall back to the seller for a product without a category', async () => {
    const loose = { ...pan, id: 'p_loose', category: null };
    const related = await relatedProducts(catalogList([loose, pan]), loose, { categories, currency: 'USD' });
    expect(related.map((p) => p.id)).toEqual(['p_pan']);
  });
});

describe('buyable products of a listing', () => {
  it('are the first ones a shopper can buy now, in one request', async () => {
    const catalog = [
      item('p_gone', 'c_cookware', 's_1', { stock: 0 }),
      ...['a', 'b', 'c', 'd', 'e'].map((id) => item(`p_${id}`, 'c_decor')),
    ];
    const seen: ProductQuery[] = [];
    const best = await buyableProducts(catalogList(catalog, seen), { sort: 'newest', currency: 'EUR' });
    expect(best.map((p) => p.id)).toEqual(['p_a', 'p_b', 'p_c', 'p_d']);
    expect(seen).toEqual([{ sort: 'newest', currency: 'EUR', limit: 12 }]);
  });

  it('are none when the listing fails', async () => {
    const failing = async () => Promise.reject(new Error('unreachable'));
    expect(await buyableProducts(failing, { currency: 'USD' })).toEqual([]);
  });
});
