/** Public surface of the carts module: other modules import from here only. */
export { looksLikeCartId } from './cart-id.js';
export { MAX_LINE_QUANTITY } from './cart-state.service.js';
export { cartAlreadyCheckedOut } from './carts.errors.js';
export { completeCartUpdate, insertShippingRates, insertTaxRates } from './carts.repository.js';
export { type CartsService, createCartsService } from './carts.service.js';
export type { CartStatus, CartsTables } from './carts.table.js';
export type { Cart } from './carts.views.js';
export {
  type CheckoutCart,
  type PriceCartOptions,
  type PricedCart,
  type PricedLine,
  type PricedSellerGroup,
  priceCart,
} from './pricing.service.js';
export { computeTotals, taxOn } from './totals.js';
