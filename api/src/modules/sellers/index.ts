/** Public surface of the sellers module (the operator's side of sellers). */
export { sellerAdminHandlers } from './sellers.handlers.js';
export { commissionRates } from './sellers.repository.js';
export { createSellerAdminService, type SellerAdminService } from './sellers.service.js';
