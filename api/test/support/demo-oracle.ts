import { buildDemoCatalog } from '../../src/seed/demo-catalog.js';

/** A product of the demo seed as the tests expect the API to see it, computed in plain JS. */
export interface OracleProduct {
  id: string;
  handle: string;
  title: string;
  description: string;
  createdAt: string;
  sellerId: string;
  sellerHandle: string;
  categoryId: string;
  visible: boolean;
  status: string;
  /** Variant prices per currency. */
  prices: Record<string, number[]>;
}

/**
 * An independent model of the demo catalog: the same rows the seed inserts, with visibility and
 * prices worked out in JS, so listing results can be checked against something other than SQL.
 */
export function demoOracle() {
  const catalog = buildDemoCatalog();
  const sellers = new Map(catalog.sellers.map((s) => [s.id, s]));
  const products: OracleProduct[] = catalog.products.map((p) => {
    const seller = sellers.get(p.seller_id);
    const prices: Record<string, number[]> = {};
    for (const price of catalog.prices.filter((x) => x.product_id === p.id)) {
      prices[price.currency] = [...(prices[price.currency] ?? []), price.amount];
    }
    return {
      id: p.id,
      handle: p.handle,
      title: p.title,
      description: p.description ?? '',
      createdAt: new Date(p.created_at as Date).toISOString(),
      sellerId: p.seller_id,
      sellerHandle: seller?.handle ?? '',
      categoryId: p.category_id ?? '',
      status: p.status,
      visible: p.status === 'published' && seller?.status === 'active',
      prices,
    };
  });
  const categories = catalog.categories;
  /** The category with this handle and all its descendants. */
  const subtree = (handle: string): Set<string> => {
    const root = categories.find((c) => c.handle === handle);
    const ids = new Set<string>(root ? [root.id] : []);
    let grew = true;
    while (grew) {
      grew = false;
      for (const c of categories) {
        if (c.parent_id && ids.has(c.parent_id) && !ids.has(c.id)) {
          ids.add(c.id);
          grew = true;
        }
      }
    }
    return ids;
  };
  const minPrice = (p: OracleProduct, currency: string) => Math.min(...(p.prices[currency] ?? [Number.NaN]));
  return { catalog, products, visible: products.filter((p) => p.visible), subtree, minPrice };
}

/** Orders like the API: newest first, ties by id descending. */
export const byNewest = (a: OracleProduct, b: OracleProduct) =>
  a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1;
