import { AppError } from '../../http/errors.js';
import { type RunIdempotent, requireIdempotencyKey } from '../../http/idempotency.js';
import type { HandlerRequest, OperationHandlers, OperationId, Principal } from '../../http/operations.js';
import type { SellerCatalogService } from './seller-catalog.service.js';
import type { Db } from './seller-catalog.shared.js';

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

/**
 * The seller a request acts for. The router already refused other kinds of key on `/seller/*`;
 * this narrows the type and fails closed should a route ever be declared with another scheme.
 */
export function sellerIdOf(principal: Principal): string {
  if (principal.kind !== 'seller') throw new AppError('forbidden', 'This operation needs a seller key.');
  return principal.sellerId;
}

/**
 * Runs a retryable write. Without an `Idempotency-Key` it just runs; with one, the first response
 * is stored with the write in one transaction and replayed (marked `Idempotent-Replayed`) on retries.
 * `path` is the concrete request path, so one key on two products never collides.
 */
async function retryable<K extends OperationId, S extends number, T>(
  idempotent: RunIdempotent,
  req: HandlerRequest<K>,
  path: string,
  status: S,
  work: (trx?: Db) => Promise<T>,
): Promise<{ status: S; body: T; headers?: Record<string, string> }> {
  if (req.headers['idempotency-key'] === undefined) return { status, body: await work() };
  const key = requireIdempotencyKey(req.headers);
  const scope = `${req.principal.kind === 'anonymous' ? '' : req.principal.keyId}:POST ${path}`;
  const outcome = await idempotent(
    { scope, key, operation: req.operationId, body: req.body },
    async (trx) => ({
      status,
      body: await work(trx),
    }),
  );
  return {
    status,
    body: outcome.body,
    ...(outcome.replayed ? { headers: { 'Idempotent-Replayed': 'true' } } : {}),
  };
}

/** HTTP handlers of the seller catalog: each maps a validated request to the service for the calling seller. */
export function sellerCatalogHandlers({
  sellerCatalog,
  idempotent,
}: {
  sellerCatalog: SellerCatalogService;
  idempotent: RunIdempotent;
}) {
  return {
    listSellerProducts: async ({ principal, query }) => ({
      status: 200,
      body: await sellerCatalog.listProducts(sellerIdOf(principal), query),
    }),
    createSellerProduct: async (req) => {
      const sellerId = sellerIdOf(req.principal);
      return retryable(idempotent, req, '/seller/products', 201, (trx) =>
        sellerCatalog.createProduct(sellerId, req.body, trx),
      );
    },
    getSellerProduct: async ({ principal, params }) => ({
      status: 200,
      body: await sellerCatalog.getProduct(sellerIdOf(principal), params.productId),
    }),
    updateSellerProduct: async ({ principal, params, body }) => ({
      status: 200,
      body: await sellerCatalog.updateProduct(sellerIdOf(principal), params.productId, body),
    }),
    deleteSellerProduct: async ({ principal, params }) => {
      await sellerCatalog.deleteProduct(sellerIdOf(principal), params.productId);
      return { status: 204 };
    },
    publishSellerProduct: async ({ principal, params }) => ({
      status: 200,
      body: await sellerCatalog.setStatus(sellerIdOf(principal), params.productId, 'published'),
    }),
    unpublishSellerProduct: async ({ principal, params }) => ({
      status: 200,
      body: await sellerCatalog.setStatus(sellerIdOf(principal), params.productId, 'draft'),
    }),
    createSellerVariant: async (req) => {
      const sellerId = sellerIdOf(req.principal);
      const { productId } = req.params;
      return retryable(idempotent, req, `/seller/products/${productId}/variants`, 201, (trx) =>
        sellerCatalog.createVariant(sellerId, productId, req.body, trx),
      );
    },
    updateSellerVariant: async ({ principal, params, body }) => ({
      status: 200,
      body: await sellerCatalog.updateVariant(
        sellerIdOf(principal),
        params.productId,
        params.variantId,
        body,
      ),
    }),
    deleteSellerVariant: async ({ principal, params }) => {
      await sellerCatalog.deleteVariant(sellerIdOf(principal), params.productId, params.variantId);
      return { status: 204 };
    },
    updateSellerInventory: async (req) => {
      const sellerId = sellerIdOf(req.principal);
      return retryable(idempotent, req, '/seller/inventory', 200, (trx) =>
        sellerCatalog.updateInventory(sellerId, req.body, trx),
      );
    },
  } satisfies SellerCatalogHandlers;
}
