/** Public surface of the customers module: shopper accounts, their addresses, orders and cart. */
export { customerIdOf } from './customers.handlers.js';
export { type CustomersService, createCustomersService } from './customers.service.js';
export type { CustomersTables } from './customers.table.js';
