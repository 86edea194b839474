/** Public surface of the sellers module (the operator's side of sellers). */
export { commissionBpsSql } from './sellers.repository.js';
export { createSellerAdminService, type SellerAdminService } from './sellers.service.js';
