/** Public surface of the orders module: checkout, orders split per seller, fulfilment, cancellation. */
export { type CheckoutService, createCheckoutService } from './checkout.service.js';
export { createOrdersService, type OrdersService } from './orders.service.js';
export type { OrdersTables } from './orders.table.js';
