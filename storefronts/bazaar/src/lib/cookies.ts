import { cookieNames } from '@souk/storefront-kit';

// Bazaar's cookie names, from the storefront kit (which also has the cookie options); this module keeps
// the old import path working (the proxy and client components import it).
export { privateCookie, publicCookie, THIRTY_DAYS } from '@souk/storefront-kit';

const names = cookieNames('bazaar');
export const CART_COOKIE = names.cart;
export const CART_COUNT_COOKIE = names.cartCount;
export const CURRENCY_COOKIE = names.currency;
export const ORDER_TOKEN_COOKIE = names.orderToken;
export const SESSION_COOKIE = names.session;
export const SIGNED_IN_COOKIE = names.signedIn;
export const CSRF_COOKIE = names.csrf;
