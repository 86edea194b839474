import { type NextRequest, NextResponse } from 'next/server';
import { csrfCookie, newCsrfToken } from './cookies';
import { currencyRewritePath } from './proxy';

/**
 * For a theme's `src/proxy.ts`: pages that post to `/session` (sign-in, account) need this browser's
 * CSRF token. On the first visit it makes one, visible to this very render (as a request cookie) and
 * kept by the browser (httpOnly, SameSite=Strict); later visits pass through.
 */
export function ensureCsrfToken(request: NextRequest, cookieName: string): NextResponse {
  if (request.cookies.get(cookieName)?.value) return NextResponse.next();
  const token = newCsrfToken();
  request.cookies.set(cookieName, token);
  const response = NextResponse.next({ request: { headers: request.headers } });
  response.cookies.set(cookieName, token, csrfCookie(request.nextUrl.protocol === 'https:'));
  return response;
}

/**
 * For a theme's `src/proxy.ts`: `/` and `/products/{handle}` served from the prerendered page of the
 * buyer's currency cookie (see `currencyRewritePath`); the address bar and the canonical URL stay as
 * they were. Other paths pass through.
 */
export function rewriteToCurrency(
  request: NextRequest,
  cookieName: string,
  currencies: readonly string[],
): NextResponse {
  const path = currencyRewritePath(
    request.nextUrl.pathname,
    request.cookies.get(cookieName)?.value,
    currencies,
  );
  if (!path) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = path;
  return NextResponse.rewrite(url);
}
