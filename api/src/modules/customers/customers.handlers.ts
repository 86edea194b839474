import { AppError } from '../../errors.js';
import type { Idempotency } from '../../http/idempotency.js';
import type { OperationHandlers } from '../../http/operations.js';
import type { Principal } from '../../http/principal.js';
import type { CartsService } from '../carts/index.js';
import type { OrdersService } from '../orders/index.js';
import type { CustomersService } from './customers.service.js';

type CustomerHandlers = Pick<
  OperationHandlers,
  | 'getStoreCustomer'
  | 'updateStoreCustomer'
  | 'listStoreCustomerAddresses'
  | 'createStoreCustomerAddress'
  | 'updateStoreCustomerAddress'
  | 'deleteStoreCustomerAddress'
  | 'listStoreCustomerOrders'
  | 'getStoreCustomerOrder'
  | 'claimStoreCustomerOrders'
  | 'getStoreCustomerCart'
  | 'attachStoreCustomerCart'
>;

/**
 * The signed-in shopper behind a `/store/customers/me…` request. The spec's CustomerToken scheme already
 * guarantees one; this narrows the type and fails closed if that ever stops being true.
 */
export function customerIdOf(principal: Principal): string {
  if (principal.kind !== 'publishable' || principal.customerId === undefined) {
    throw new AppError('unauthorized', "This operation needs the shopper's ID token.");
  }
  return principal.customerId;
}

/** Handlers of the shopper's own account: profile, addresses, orders, cart. */
export function customerHandlers(deps: {
  customers: CustomersService;
  orders: OrdersService;
  carts: CartsService;
  idempotent: Idempotency;
}) {
  const { customers, orders, carts, idempotent } = deps;
  return {
    getStoreCustomer: async ({ principal }) => ({
      status: 200,
      body: await customers.get(customerIdOf(principal)),
    }),
    updateStoreCustomer: async ({ principal, body }) => ({
      status: 200,
      body: await idempotent.transaction((trx) => customers.update(customerIdOf(principal), body, trx)),
    }),
    listStoreCustomerAddresses: async ({ principal }) => ({
      status: 200,
      body: { data: await customers.listAddresses(customerIdOf(principal)) },
    }),
    createStoreCustomerAddress: async ({ principal, body }) => ({
      status: 201,
      body: await idempotent.transaction((trx) =>
        customers.createAddress(customerIdOf(principal), body, trx),
      ),
    }),
    updateStoreCustomerAddress: async ({ principal, params, body }) => ({
      status: 200,
      body: await idempotent.transaction((trx) =>
        customers.updateAddress(customerIdOf(principal), params.addressId, body, trx),
      ),
    }),
    deleteStoreCustomerAddress: async ({ principal, params }) => {
      await idempotent.transaction((trx) =>
        customers.deleteAddress(customerIdOf(principal), params.addressId, trx),
      );
      return { status: 204 };
    },
    listStoreCustomerOrders: async ({ principal, query }) => ({
      status: 200,
      body: await orders.listForCustomer(customerIdOf(principal), query),
    }),
    getStoreCustomerOrder: async ({ principal, params }) => ({
      status: 200,
      body: await orders.getForCustomer(customerIdOf(principal), params.orderId),
    }),
    claimStoreCustomerOrders: async ({ principal }) => ({
      status: 200,
      body: { claimed_order_ids: await customers.claimGuestOrders(customerIdOf(principal)) },
    }),
    getStoreCustomerCart: async ({ principal }) => ({
      status: 200,
      body: await carts.customerCart(customerIdOf(principal)),
    }),
    attachStoreCustomerCart: async ({ principal, body }) => ({
      status: 200,
      body: await idempotent.transaction((trx, steps) =>
        carts.attachCustomerCart(
          { customerId: customerIdOf(principal), guestCartId: body.guest_cart_id, currency: body.currency },
          trx,
          steps,
        ),
      ),
    }),
  } satisfies CustomerHandlers;
}
