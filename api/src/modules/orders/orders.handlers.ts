import type { Idempotency } from '../../http/idempotency.js';
import type { OperationHandlers } from '../../http/operations.js';
import { sellerIdOf } from '../../http/principal.js';
import type { LedgerService } from '../ledger/index.js';
import type { CheckoutService } from './checkout.service.js';
import type { OrdersService } from './orders.service.js';

type OrderHandlers = Pick<
  OperationHandlers,
  | 'checkoutStoreCart'
  | 'getStoreOrder'
  | 'listSellerOrders'
  | 'getSellerOrder'
  | 'createSellerOrderFulfillment'
  | 'cancelSellerOrder'
  | 'listAdminOrders'
  | 'getSellerBalance'
  | 'listSellerPayouts'
  | 'runAdminPayouts'
>;

/** HTTP handlers of checkout, orders, balances and payouts. */
export function orderHandlers(deps: {
  idempotent: Idempotency;
  checkout: CheckoutService;
  orders: OrdersService;
  ledger: LedgerService;
}) {
  const { orders, ledger } = deps;
  return {
    checkoutStoreCart: async (req) =>
      deps.idempotent.run(
        req,
        201 as const,
        deps.checkout.checkout({ cartId: req.params.cartId, paymentMethod: req.body.payment_method }),
        { required: true },
      ),
    getStoreOrder: async ({ params, headers }) => ({
      status: 200,
      body: await orders.getForBuyer(params.orderId, String(headers['x-order-token'] ?? '')),
    }),
    listSellerOrders: async ({ principal, query }) => ({
      status: 200,
      body: await orders.listForSeller(sellerIdOf(principal), query),
    }),
    getSellerOrder: async ({ principal, params }) => ({
      status: 200,
      body: await orders.getForSeller(sellerIdOf(principal), params.sellerOrderId),
    }),
    createSellerOrderFulfillment: async (req) =>
      deps.idempotent.run(req, 201 as const, (trx) =>
        orders.fulfil(sellerIdOf(req.principal), req.params.sellerOrderId, req.body, trx),
      ),
    cancelSellerOrder: async ({ principal, params }) => ({
      status: 200,
      body: await deps.idempotent.transaction((trx) =>
        orders.cancel(sellerIdOf(principal), params.sellerOrderId, trx),
      ),
    }),
    listAdminOrders: async ({ query }) => ({ status: 200, body: await orders.listAll(query) }),
    getSellerBalance: async ({ principal }) => ({
      status: 200,
      body: await ledger.balance(sellerIdOf(principal)),
    }),
    listSellerPayouts: async ({ principal }) => ({
      status: 200,
      body: { data: await ledger.payouts(sellerIdOf(principal)) },
    }),
    runAdminPayouts: async (req) =>
      deps.idempotent.run(req, 201 as const, async (trx) => ({
        data: await ledger.runPayouts(trx),
      })),
  } satisfies OrderHandlers;
}
