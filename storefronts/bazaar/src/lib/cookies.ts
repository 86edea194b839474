/**
 * Cookie names and options, shared by the proxy (edge of the request), Server Components and Server
 * Actions. No secrets here: the cart id and order tokens are capabilities, so they live in httpOnly
 * cookies the page's JavaScript cannot read.
 */
export const CART_COOKIE = 'bazaar_cart';
/** Number of units in the cart: a display hint for the header badge (readable by the browser). */
export const CART_COUNT_COOKIE = 'bazaar_cart_count';
export const CURRENCY_COOKIE = 'bazaar_currency';
/** One cookie per order, scoped to that order's confirmation page. */
export const ORDER_TOKEN_COOKIE = 'bazaar_order_token';

export const THIRTY_DAYS = 60 * 60 * 24 * 30;

/** Options of the capability cookies (cart id, order token). */
export function privateCookie(secure: boolean, path = '/') {
  return { httpOnly: true, sameSite: 'lax', secure, path, maxAge: THIRTY_DAYS } as const;
}

/** Options of the cookies the browser may read (currency, cart count). */
export function publicCookie(secure: boolean) {
  return { httpOnly: false, sameSite: 'lax', secure, path: '/', maxAge: THIRTY_DAYS } as const;
}
