/** Public surface of the shipping module: sellers' flat rates per currency. */
export { shippingHandlers } from './shipping.handlers.js';
