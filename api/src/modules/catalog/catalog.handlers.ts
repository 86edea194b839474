import { jsonText } from '../../http/json-text.js';
import type { OperationHandlers } from '../../http/operations.js';
import type { CatalogService, Product, ProductList } from './catalog.service.js';

type CatalogHandlers = Pick<
  OperationHandlers,
  'listStoreProducts' | 'searchStoreProducts' | 'getStoreProduct' | 'listStoreCategories' | 'getStoreSeller'
>;

/** HTTP handlers of the storefront catalog; each maps a validated request to the service. */
export function catalogHandlers({ catalog }: { catalog: CatalogService }) {
  return {
    listStoreProducts: async ({ query }) => ({
      status: 200,
      body: jsonText<ProductList>(await catalog.listProductsJson(query, 'query')),
    }),
    searchStoreProducts: async ({ body }) => ({
      status: 200,
      body: jsonText<ProductList>(await catalog.listProductsJson(body, 'body')),
    }),
    getStoreProduct: async ({ params, query }) => ({
      status: 200,
      body: jsonText<Product>(await catalog.getProductJson(params.idOrHandle, query.currency)),
    }),
    listStoreCategories: async () => ({ status: 200, body: await catalog.listCategories() }),
    getStoreSeller: async ({ params }) => ({ status: 200, body: await catalog.getSeller(params.idOrHandle) }),
  } satisfies CatalogHandlers;
}
