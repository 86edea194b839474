/**
 * Cookie names and options, shared by the proxy (edge of the request), Server Components and Server
 * Actions. No secrets here: the cart id and order tokens are capabilities, so they live in httpOnly
 * cookies the page's JavaScript cannot read. Names carry the theme's id: browsers share cookies
 * between ports of one host, so two themes on localhost must not read each other's cart.
 */
export interface CookieNames {
  cart: string;
  /** Number of units in the cart: a display hint for the header badge (readable by the browser). */
  cartCount: string;
  currency: string;
  /** One cookie per order, scoped to that order's confirmation page. */
  orderToken: string;
  /** The shopper's Firebase session (httpOnly): a credential, never readable by page scripts. */
  session: string;
  /** `1` while a session cookie is set: a display hint for the header (readable, no secret). */
  signedIn: string;
  /** The double-submit CSRF token (httpOnly, SameSite=Strict); forms and the sign-in call repeat it. */
  csrf: string;
  /**
   * The shopper's IANA time zone (`Europe/Paris`), written by the browser (`useTimeZoneCookie`) so the
   * server dates an order by the shopper's day, not its own. Readable, no secret.
   */
  timeZone: string;
}

/** The cookie names of a theme (`bazaar` → `bazaar_cart`, `bazaar_cart_count`, …). */
export function cookieNames(themeId: string): CookieNames {
  if (!/^[a-z][a-z0-9_]*$/.test(themeId)) throw new Error(`theme id "${themeId}" must be [a-z][a-z0-9_]*`);
  return {
    cart: `${themeId}_cart`,
    cartCount: `${themeId}_cart_count`,
    currency: `${themeId}_currency`,
    orderToken: `${themeId}_order_token`,
    session: `${themeId}_session`,
    signedIn: `${themeId}_signed_in`,
    csrf: `${themeId}_csrf`,
    timeZone: `${themeId}_tz`,
  };
}

export const THIRTY_DAYS = 60 * 60 * 24 * 30;

/** Options of the capability cookies (cart id, order token). */
export function privateCookie(secure: boolean, path = '/') {
  return { httpOnly: true, sameSite: 'lax', secure, path, maxAge: THIRTY_DAYS } as const;
}

/** Options of the cookies the browser may read (currency, cart count). */
export function publicCookie(secure: boolean) {
  return { httpOnly: false, sameSite: 'lax', secure, path: '/', maxAge: THIRTY_DAYS } as const;
}

/** Only same-site paths: never redirect to another origin (`//evil.example` or `/\evil`). */
export function safePath(value: unknown): string {
  const path = typeof value === 'string' ? value : '/';
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : '/';
}

/** Options of the session cookie: httpOnly, Lax (top-level navigations from other sites stay signed in). */
export function sessionCookie(secure: boolean, maxAge: number) {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge } as const;
}

/** Options of the CSRF cookie: never sent with a request another site starts. */
export function csrfCookie(secure: boolean) {
  return { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: THIRTY_DAYS } as const;
}

/** A new CSRF token: 32 random bytes, base64url (Web Crypto, so the proxy can make one too). */
export function newCsrfToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
