/** Server-side parts of the storefront kit (Server Components, Server Actions, route handlers). */

export { type Account, loadAccount } from './account';
export { type AddToCartState, type CartLineState, createActions } from './actions';
export { type AddressBook, createAddressBook } from './addresses';
export { readConfig, type StorefrontConfig, supportedCurrency } from './config';
export { isSameSiteRequest } from './csrf';
export { type FirebaseWebConfig, readFirebaseWebConfig, type WebSignInProvider } from './firebase-web';
export { createImageRoute } from './image-route';
export { SellerMarkdown } from './markdown';
export { redirectToOwnAddress } from './product-address';
export { createRevalidateRoute, storefrontRevalidateRoute, webhookSecrets } from './revalidate-route';
export { createReviewAction, type ReviewState } from './review-action';
export { type BuyersOrder, type Customer, isSignedOutError } from './session';
export { createSessionRoutes } from './session-routes';
export { SignOutForm } from './sign-out-form';
export { createSeoRoutes } from './sitemap';
export {
  CartCurrencyError,
  type ContentDataOf,
  createStorefront,
  isNotFound,
  isUnavailable,
  isUnreachable,
  type Storefront,
  unitCount,
} from './storefront';
export { storefrontSuggestionsRoute } from './suggestions-route';
export { redirectEmptyFields } from './tidy-listing';
