/** Public surface of the shipping module: sellers' flat rates per currency. */
export { createShippingService, type ShippingService } from './shipping.service.js';
