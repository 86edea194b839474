import DataLoader from 'dataloader';
import type { components } from '../generated/openapi.js';
import type { CatalogService, Product } from '../modules/catalog/index.js';
import type { ContentService } from '../modules/content/index.js';

type Schemas = components['schemas'];
type Seller = Schemas['Seller'];
type Category = Schemas['Category'];

/**
 * Per-request batching: every seller, category or product a query reaches is read in one statement
 * per kind, however many products or cart lines point at it (no N+1). Built for each request, so
 * nothing leaks between callers; the catalog service's own cache sits below it.
 */
export function createLoaders(
  catalog: CatalogService,
  content: Pick<ContentService, 'getSellerProfiles' | 'getSellerRatings'>,
) {
  let categories:
    | Promise<{ byId: Map<string, Category>; children: Map<string | null, Category[]> }>
    | undefined;
  const categoryTree = () => {
    categories ??= catalog.listCategories().then(({ data }) => {
      const byId = new Map(data.map((c) => [c.id, c]));
      const children = new Map<string | null, Category[]>();
      for (const c of data) children.set(c.parent_id, [...(children.get(c.parent_id) ?? []), c]);
      return { byId, children };
    });
    return categories;
  };
  return {
    /** Active sellers by id or handle; null for unknown, pending or suspended ones. */
    seller: new DataLoader<string, Seller | null>(async (keys) => {
      const found = await catalog.getSellers(keys);
      return keys.map((key) => found.find((s) => s.id === key || s.handle === key) ?? null);
    }),
    /** Published products by id in a currency (`currency|id`); null once unpublished. */
    product: new DataLoader<string, Product | null>(async (keys) => {
      const byCurrency = new Map<string, string[]>();
      for (const key of keys) {
        const [currency = '', id = ''] = key.split('|');
        byCurrency.set(currency, [...(byCurrency.get(currency) ?? []), id]);
      }
      const found = new Map<string, Product>();
      for (const [currency, ids] of byCurrency) {
        for (const product of await catalog.getProductsByIds(ids, currency || undefined))
          found.set(`${currency}|${product.id}`, product);
      }
      return keys.map((key) => found.get(key) ?? null);
    }),
    /** Sellers' own pages by seller id: one read for every seller a query reaches. */
    sellerProfile: new DataLoader<string, Schemas['SellerProfile']>((ids) => content.getSellerProfiles(ids)),
    /** Sellers' ratings by seller id: one statement for every seller a query reaches. */
    sellerRating: new DataLoader<string, Schemas['ProductRating']>((ids) => content.getSellerRatings(ids)),
    /** The whole category tree, read once per request. */
    categoryTree,
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
