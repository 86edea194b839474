import { csrfCookie, currencyRewritePath, newCsrfToken } from '@souk/storefront-kit';
import { type NextRequest, NextResponse } from 'next/server';
import { CSRF_COOKIE, CURRENCY_COOKIE } from './lib/cookies';

const currencies = (process.env.BAZAAR_CURRENCIES || 'USD,EUR').split(',').map((c) => c.trim());

/**
 * The home page and product pages are static per currency (ISR): `/` is served from the prerendered
 * `/home/{currency}` and `/products/{handle}` from `/products/{handle}/{currency}` of the buyer's
 * currency cookie (the kit's currencyRewritePath). The URL in the address bar and the canonical URL
 * stay as they were.
 */
function rewriteToCurrency(request: NextRequest) {
  const path = currencyRewritePath(
    request.nextUrl.pathname,
    request.cookies.get(CURRENCY_COOKIE)?.value,
    currencies,
  );
  if (!path) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = path;
  return NextResponse.rewrite(url);
}

/**
 * The pages that post to `/session` (sign-in, account) need this browser's CSRF token: make one on
 * the first visit, visible to this very render (request cookie) and kept by the browser.
 */
function ensureCsrfToken(request: NextRequest) {
  if (request.cookies.get(CSRF_COOKIE)?.value) return NextResponse.next();
  const token = newCsrfToken();
  request.cookies.set(CSRF_COOKIE, token);
  const response = NextResponse.next({ request: { headers: request.headers } });
  response.cookies.set(CSRF_COOKIE, token, csrfCookie(request.nextUrl.protocol === 'https:'));
  return response;
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  return pathname === '/' || pathname.startsWith('/products/')
    ? rewriteToCurrency(request)
    : ensureCsrfToken(request);
}

export const config = {
  // Exactly one segment after /products: the listing (/products) and the internal paths are left alone.
  matcher: ['/', '/products/:handle', '/sign-in', '/account'],
};
