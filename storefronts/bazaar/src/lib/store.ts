import 'server-only';
import {
  createActions,
  createAddressBook,
  createReviewAction,
  createSessionRoutes,
  createStorefront,
} from '@souk/storefront-kit/server';

/**
 * Bazaar's storefront: its configuration (environment, see the README), its Souk client, cart cookie
 * and currency, all from `@souk/storefront-kit`. Cookies are named `bazaar_…`.
 */
export const store = createStorefront('bazaar');

/** The bodies of Bazaar's Server Actions (wrapped in `src/app/actions/`). */
export const actions = createActions(store);

/** Bazaar's sign-in and sign-out route handlers (`src/app/session/`). */
export const sessionRoutes = createSessionRoutes(store);

/** The signed-in shopper's saved addresses (account page, checkout pre-fill). */
export const addressBook = createAddressBook(store);

/** The body of the review Server Action (`src/app/actions/review.ts`). */
export const reviewAction = createReviewAction(store);
