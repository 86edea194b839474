import { createThemeProxy } from '@souk/storefront-kit/proxy';

/**
 * The home page and product pages are static per currency (ISR): `/` is served from the prerendered
 * `/home/{currency}` and `/products/{handle}` from `/products/{handle}/{currency}` of the buyer's
 * currency cookie. The sign-in and account pages post to `/session`: they get this browser's CSRF token.
 * A path that cannot be decoded gets the not-found page (see the kit's `createThemeProxy`).
 */
export const proxy = createThemeProxy('bazaar');

export const config = {
  // Exactly one segment after /products: the listing (/products) and the internal paths are left alone;
  // the other dynamic routes only for undecodablePath.
  matcher: [
    '/',
    '/products/:handle',
    '/sign-in',
    '/account',
    '/categories/:handle',
    '/sellers/:handle',
    '/orders/:id',
  ],
};
