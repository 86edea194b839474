import type { Category, Product } from '@souk/sdk';
import { categoryTrail } from './breadcrumbs';
import type { ProductQuery } from './listing';

/**
 * How `relatedProducts` and `buyableProducts` read a page of products: the Souk client's
 * `store.products.list`.
 */
export type ListProducts = (query: ProductQuery) => Promise<{ data: Product[] }>;

/** Can a shopper buy it now in the page's currency: priced, and some variant in stock. */
function buyable(product: Product): boolean {
  return product.price_range !== null && product.variants.some((v) => v.available_quantity > 0);
}

/**
 * Up to `limit` other products to show under a product ("You may also like"): the best rated in
 * its own category first, then in each parent category up to the top one (a pan in Cookware, then
 * the rest of Kitchen, then of Home), then the rest of its seller's. Only products a shopper can buy
 * now in `currency` are kept: a row of "Sold out" cards sends nobody anywhere. At most one request
 * per step, and none once the row is full. A step that fails is skipped: the product page does not
 * fail for its recommendations.
 */
export async function relatedProducts(
  list: ListProducts,
  product: Pick<Product, 'id' | 'category' | 'seller'>,
  {
    categories,
    currency,
    limit = 4,
  }: {
    /** The category tree (`store.categories.list`); `[]` searches the product's own category only. */
    categories: readonly Pick<Category, 'id' | 'handle' | 'path'>[];
    currency: string;
    limit?: number;
  },
): Promise<Product[]> {
  const trail = product.category ? categoryTrail(categories, product.category.handle) : [];
  const categoryIds =
    trail.length > 0 ? trail.map((c) => c.id).reverse() : product.category ? [product.category.id] : [];
  const steps: ProductQuery[] = [
    ...categoryIds.map((category) => ({ category })),
    { seller: product.seller.id },
  ].map((filter) => ({ ...filter, currency, sort: 'rating' as const, limit: Math.min(100, limit * 3) }));

  const found = new Map<string, Product>();
  for (const query of steps) {
    if (found.size >= limit) break;
    const page = await list(query).catch(() => ({ data: [] as Product[] }));
    for (const candidate of page.data) {
      if (found.size >= limit) break;
      if (candidate.id !== product.id && !found.has(candidate.id) && buyable(candidate)) {
        found.set(candidate.id, candidate);
      }
    }
  }
  return [...found.values()];
}

/**
 * The first `limit` products of a listing query (`{ sort: 'newest', currency }`) that a shopper can
 * buy now, for a page with nothing of its own to show (an empty bag). One request; `[]` when it fails.
 */
export async function buyableProducts(
  list: ListProducts,
  query: ProductQuery & { currency: string },
  limit = 4,
): Promise<Product[]> {
  const page = await list({ ...query, limit: Math.min(100, limit * 3) }).catch(() => ({
    data: [] as Product[],
  }));
  return page.data.filter(buyable).slice(0, limit);
}
