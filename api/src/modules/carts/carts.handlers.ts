import type { Idempotency } from '../../http/idempotency.js';
import type { OperationHandlers } from '../../http/operations.js';
import type { CartsService } from './carts.service.js';

type CartsHandlers = Pick<
  OperationHandlers,
  | 'createStoreCart'
  | 'getStoreCart'
  | 'updateStoreCart'
  | 'addStoreCartItem'
  | 'updateStoreCartItem'
  | 'removeStoreCartItem'
>;

/**
 * Storefront cart handlers. The two POSTs are not naturally idempotent (a retried create makes a
 * second cart, a retried add adds the units again), so they honour an optional `Idempotency-Key`.
 */
export function cartsHandlers(deps: { carts: CartsService; idempotent: Idempotency }) {
  const { carts } = deps;
  return {
    createStoreCart: async (req) => deps.idempotent.run(req, 201, (trx) => carts.createCart(req.body, trx)),
    getStoreCart: async ({ params }) => ({ status: 200, body: await carts.getCart(params.cartId) }),
    updateStoreCart: async ({ params, body }) => ({
      status: 200,
      body: await deps.idempotent.transaction((trx, steps) =>
        carts.updateCart(params.cartId, body, trx, steps),
      ),
    }),
    addStoreCartItem: async (req) =>
      deps.idempotent.run(req, 200, (trx, steps) => carts.addItem(req.params.cartId, req.body, trx, steps)),
    updateStoreCartItem: async ({ params, body }) => ({
      status: 200,
      body: await deps.idempotent.transaction((trx, steps) =>
        carts.updateItem(params.cartId, params.itemId, body, trx, steps),
      ),
    }),
    removeStoreCartItem: async ({ params }) => ({
      status: 200,
      body: await deps.idempotent.transaction((trx, steps) =>
        carts.removeItem(params.cartId, params.itemId, trx, steps),
      ),
    }),
  } satisfies CartsHandlers;
}
