import { ensureCsrfToken, rewriteToCurrency, undecodablePath } from '@souk/storefront-kit/proxy';
import { type NextRequest, NextResponse } from 'next/server';
import { CSRF_COOKIE, CURRENCY_COOKIE } from './lib/cookies';

const currencies = (process.env.BAZAAR_CURRENCIES || 'USD,EUR').split(',').map((c) => c.trim());

/**
 * The home page and product pages are static per currency (ISR): `/` is served from the prerendered
 * `/home/{currency}` and `/products/{handle}` from `/products/{handle}/{currency}` of the buyer's
 * currency cookie. The sign-in and account pages post to `/session`: they get this browser's CSRF token.
 * A path that cannot be decoded gets the not-found page (see the kit's `undecodablePath`).
 */
export function proxy(request: NextRequest) {
  const undecodable = undecodablePath(request);
  if (undecodable) return undecodable;
  const { pathname } = request.nextUrl;
  if (pathname === '/' || pathname.startsWith('/products/')) {
    return rewriteToCurrency(request, CURRENCY_COOKIE, currencies);
  }
  return pathname === '/sign-in' || pathname === '/account'
    ? ensureCsrfToken(request, CSRF_COOKIE)
    : NextResponse.next();
}

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
