import { cookieNames } from '@souk/storefront-kit';

/* Bazaar's cookie names (`bazaar_…`), for the client components, which cannot import the
   server-only storefront (./store.ts) that knows them too. */
const names = cookieNames('bazaar');
export const CART_COUNT_COOKIE = names.cartCount;
export const CURRENCY_COOKIE = names.currency;
export const ORDER_TOKEN_COOKIE = names.orderToken;
export const SIGNED_IN_COOKIE = names.signedIn;
export const TIME_ZONE_COOKIE = names.timeZone;
