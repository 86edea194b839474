/** Server-side parts of the storefront kit (Server Components, Server Actions, route handlers). */
export { type AddToCartState, type CartLineState, createActions } from './actions';
export { readConfig, type StorefrontConfig, supportedCurrency } from './config';
export { createImageRoute } from './image-route';
export {
  CartCurrencyError,
  type ContentDataOf,
  createStorefront,
  isNotFound,
  isUnreachable,
  type Storefront,
  unitCount,
} from './storefront';
