import { cookieNames } from '@souk/storefront-kit';
import { ensureCsrfToken, rewriteToCurrency, undecodablePath } from '@souk/storefront-kit/proxy';
import { type NextRequest, NextResponse } from 'next/server';

const currencies = (process.env.STOREFRONT_CURRENCIES || process.env.ATELIER_CURRENCIES || 'USD,EUR').split(
  ',',
);
const cookies = cookieNames('atelier');

/**
 * `/` and `/products/{handle}` are served from the prerendered page of the buyer's currency (see the
 * kit). The sign-in and account pages post to `/session`: they get this browser's CSRF token. A path
 * that cannot be decoded gets the not-found page (see the kit's `undecodablePath`).
 */
export function proxy(request: NextRequest) {
  const undecodable = undecodablePath(request);
  if (undecodable) return undecodable;
  const { pathname } = request.nextUrl;
  if (pathname === '/' || pathname.startsWith('/products/')) {
    return rewriteToCurrency(request, cookies.currency, currencies);
  }
  return pathname === '/sign-in' || pathname === '/account'
    ? ensureCsrfToken(request, cookies.csrf)
    : NextResponse.next();
}

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
