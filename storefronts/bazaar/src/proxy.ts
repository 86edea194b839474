import { ensureCsrfToken, rewriteToCurrency } from '@souk/storefront-kit/proxy';
import type { NextRequest } from 'next/server';
import { CSRF_COOKIE, CURRENCY_COOKIE } from './lib/cookies';

const currencies = (process.env.BAZAAR_CURRENCIES || 'USD,EUR').split(',').map((c) => c.trim());

/**
 * The home page and product pages are static per currency (ISR): `/` is served from the prerendered
 * `/home/{currency}` and `/products/{handle}` from `/products/{handle}/{currency}` of the buyer's
 * currency cookie. The sign-in and account pages post to `/session`: they get this browser's CSRF token.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  return pathname === '/' || pathname.startsWith('/products/')
    ? rewriteToCurrency(request, CURRENCY_COOKIE, currencies)
    : ensureCsrfToken(request, CSRF_COOKIE);
}

export const config = {
  // Exactly one segment after /products: the listing (/products) and the internal paths are left alone.
  matcher: ['/', '/products/:handle', '/sign-in', '/account'],
};
