import 'server-only';
import {
  createActions,
  createAddressBook,
  createReviewAction,
  createSessionRoutes,
  createStorefront,
} from '@souk/storefront-kit/server';

/** Atelier's storefront (configuration from the environment, cookies named `atelier_…`). */
export const store = createStorefront('atelier');

/** The bodies of Atelier's Server Actions (wrapped in `src/app/actions/`). */
export const actions = createActions(store);

/** Atelier's sign-in and sign-out route handlers (`src/app/session/`). */
export const sessionRoutes = createSessionRoutes(store);

/** The signed-in shopper's saved addresses (checkout pre-fills the default). */
export const addressBook = createAddressBook(store);

/** The body of the review Server Action (`src/app/actions/review.ts`). */
export const reviewAction = createReviewAction(store);
