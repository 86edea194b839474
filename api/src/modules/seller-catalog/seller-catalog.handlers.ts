import type { Idempotency } from '../../http/idempotency.js';
import type { OperationHandlers } from '../../http/operations.js';
import { sellerIdOf } from '../../http/principal.js';
import type { SellerCatalogService } from './seller-catalog.service.js';

type SellerCatalogHandlers = Pick<
  OperationHandlers,
  | 'listSellerProducts'
  | 'createSellerProduct'
  | 'getSellerProduct'
  | 'updateSellerProduct'
  | 'deleteSellerProduct'
  | 'publishSellerProduct'
  | 'unpublishSellerProduct'
  | 'createSellerVariant'
  | 'updateSellerVariant'
  | 'deleteSellerVariant'
  | 'updateSellerInventory'
>;

/** HTTP handlers of the seller catalog: each maps a validated request to the service for the calling seller. */
export function sellerCatalogHandlers({
  sellerCatalog,
  idempotent,
}: {
  sellerCatalog: SellerCatalogService;
  idempotent: Idempotency;
}) {
  return {
    listSellerProducts: async ({ principal, query }) => ({
      status: 200,
      body: await sellerCatalog.listProducts(sellerIdOf(principal), query),
    }),
    createSellerProduct: async (req) => {
      const sellerId = sellerIdOf(req.principal);
      return idempotent.run(req, 201 as const, (trx) => sellerCatalog.createProduct(sellerId, req.body, trx));
    },
    getSellerProduct: async ({ principal, params }) => ({
      status: 200,
      body: await sellerCatalog.getProduct(sellerIdOf(principal), params.productId),
    }),
    updateSellerProduct: async ({ principal, params, body }) => ({
      status: 200,
      body: await idempotent.transaction((trx, steps) =>
        sellerCatalog.updateProduct(sellerIdOf(principal), params.productId, body, trx, steps),
      ),
    }),
    deleteSellerProduct: async ({ principal, params }) => {
      await idempotent.transaction((trx, steps) =>
        sellerCatalog.deleteProduct(sellerIdOf(principal), params.productId, trx, steps),
      );
      return { status: 204 };
    },
    publishSellerProduct: async ({ principal, params }) => ({
      status: 200,
      body: await idempotent.transaction((trx) =>
        sellerCatalog.setStatus(sellerIdOf(principal), params.productId, 'published', trx),
      ),
    }),
    unpublishSellerProduct: async ({ principal, params }) => ({
      status: 200,
      body: await idempotent.transaction((trx) =>
        sellerCatalog.setStatus(sellerIdOf(principal), params.productId, 'draft', trx),
      ),
    }),
    createSellerVariant: async (req) => {
      const sellerId = sellerIdOf(req.principal);
      const { productId } = req.params;
      return idempotent.run(req, 201 as const, (trx) =>
        sellerCatalog.createVariant(sellerId, productId, req.body, trx),
      );
    },
    updateSellerVariant: async ({ principal, params, body }) => ({
      status: 200,
      body: await idempotent.transaction((trx) =>
        sellerCatalog.updateVariant(sellerIdOf(principal), params.productId, params.variantId, body, trx),
      ),
    }),
    deleteSellerVariant: async ({ principal, params }) => {
      await idempotent.transaction((trx) =>
        sellerCatalog.deleteVariant(sellerIdOf(principal), params.productId, params.variantId, trx),
      );
      return { status: 204 };
    },
    updateSellerInventory: async (req) => {
      const sellerId = sellerIdOf(req.principal);
      return idempotent.run(req, 200 as const, (trx) =>
        sellerCatalog.updateInventory(sellerId, req.body, trx),
      );
    },
  } satisfies SellerCatalogHandlers;
}
