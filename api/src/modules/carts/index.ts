/** Public surface of the carts module: other modules import from here only. */
export { looksLikeCartId } from './cart-id.js';
export { insertShippingRates, insertTaxRates } from './carts.repository.js';
export { type CartsService, createCartsService } from './carts.service.js';
export type { CartStatus, CartsTables } from './carts.table.js';
export type { Cart } from './carts.views.js';
export {
  type CheckoutCart,
  MAX_LINE_QUANTITY,
  markCartCompleted,
  type PriceCartOptions,
  type PricedCart,
  type PricedLine,
  type PricedSellerGroup,
  priceCart,
} from './pricing.js';
export { computeTotals, taxOn } from './totals.js';
