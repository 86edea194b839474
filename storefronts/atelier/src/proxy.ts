import { createThemeProxy } from '@souk/storefront-kit/proxy';

/**
 * `/` and `/products/{handle}` are served from the prerendered page of the buyer's currency (see the
 * kit). The sign-in and account pages post to `/session`: they get this browser's CSRF token. A path
 * that cannot be decoded gets the not-found page (see the kit's `createThemeProxy`).
 */
export const proxy = createThemeProxy('atelier');

// Exactly one segment after /products: the listing (/products) and the internal paths are left alone;
// the other dynamic routes only for undecodablePath.
export const config = {
  matcher: [
    '/',
    '/products/:handle',
    '/sign-in',
    '/account',
    '/categories/:handle',
    '/makers/:handle',
    '/orders/:id',
  ],
};
