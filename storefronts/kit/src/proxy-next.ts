import { type NextRequest, NextResponse } from 'next/server';
import { csrfCookie, newCsrfToken } from './cookies';
import { currencyRewritePath } from './proxy';
import { readConfig, type StorefrontConfig } from './server/config';

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

/**
 * For a theme's `src/proxy.ts`, first: a path with a percent-escape that is not UTF-8 (`/products/%E0%A4%A`,
 * `/orders/abc%`) gets the theme's not-found page and 404. Next.js answers such a path to a dynamic
 * route with a bare 500 in production when it fails to decode the segment (vercel/next.js#92527), so
 * this must run for every dynamic route in the proxy's `matcher`. Null for any other path.
 */
export function undecodablePath(request: NextRequest): NextResponse | null {
  try {
    decodeURIComponent(request.nextUrl.pathname);
    return null;
  } catch {
    // Next.js's own route for the app's not-found page (built from the theme's `not-found.tsx`): 404.
    return NextResponse.rewrite(new URL('/_not-found', request.url));
  }
}

/**
 * A theme's whole `src/proxy.ts` function: `undecodablePath` first, then `/` and `/products/{handle}`
 * from the prerendered page of the buyer's currency (`rewriteToCurrency`), the CSRF token on the
 * sign-in and account pages (`ensureCsrfToken`), and any other path passed through. Its currencies and
 * cookie names are the theme's configuration (`readConfig(themeId)`), the same its pages read. The
 * theme's `config.matcher` (a literal Next.js reads at build time) names the paths it runs for.
 */
export function createThemeProxy(
  themeId: string,
  config: Pick<StorefrontConfig, 'currencies' | 'cookies'> = readConfig(themeId),
): (request: NextRequest) => NextResponse {
  return (request) => {
    const undecodable = undecodablePath(request);
    if (undecodable) return undecodable;
    const { pathname } = request.nextUrl;
    if (pathname === '/' || pathname.startsWith('/products/')) {
      return rewriteToCurrency(request, config.cookies.currency, config.currencies);
    }
    return pathname === '/sign-in' || pathname === '/account'
      ? ensureCsrfToken(request, config.cookies.csrf)
      : NextResponse.next();
  };
}
