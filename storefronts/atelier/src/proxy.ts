import { cookieNames } from '@souk/storefront-kit';
import { ensureCsrfToken, rewriteToCurrency } from '@souk/storefront-kit/proxy';
import type { NextRequest } from 'next/server';

const currencies = (process.env.STOREFRONT_CURRENCIES || process.env.ATELIER_CURRENCIES || 'USD,EUR').split(
  ',',
);
const cookies = cookieNames('atelier');

/**
 * `/` and `/products/{handle}` are served from the prerendered page of the buyer's currency (see the
 * kit). The sign-in and account pages post to `/session`: they get this browser's CSRF token.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  return pathname === '/' || pathname.startsWith('/products/')
    ? rewriteToCurrency(request, cookies.currency, currencies)
    : ensureCsrfToken(request, cookies.csrf);
}

// Exactly one segment after /products: the listing (/products) and the internal paths are left alone.
export const config = { matcher: ['/', '/products/:handle', '/sign-in', '/account'] };
