import { csrfCookie, newCsrfToken } from '@souk/storefront-kit';
import { type NextRequest, NextResponse } from 'next/server';
import { CSRF_COOKIE, CURRENCY_COOKIE } from './lib/cookies';

const currencies = (process.env.BAZAAR_CURRENCIES || 'USD,EUR').split(',').map((c) => c.trim().toLowerCase());

/**
 * Product pages are static per currency (ISR): `/products/{handle}` is served from the prerendered
 * `/products/{handle}/{currency}` of the buyer's currency cookie. The URL in the address bar and the
 * canonical URL stay `/products/{handle}`.
 */
function rewriteProduct(request: NextRequest) {
  const handle = request.nextUrl.pathname.split('/')[2];
  if (!handle) return NextResponse.next();
  const wanted = request.cookies.get(CURRENCY_COOKIE)?.value.toLowerCase() ?? '';
  const currency = currencies.includes(wanted) ? wanted : (currencies[0] ?? 'usd');
  const url = request.nextUrl.clone();
  url.pathname = `/products/${handle}/${currency}`;
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
  return request.nextUrl.pathname.startsWith('/products/')
    ? rewriteProduct(request)
    : ensureCsrfToken(request);
}

export const config = {
  // Exactly one segment after /products: the listing (/products) and the internal paths are left alone.
  matcher: ['/products/:handle', '/sign-in', '/account'],
};
