import { type NextRequest, NextResponse } from 'next/server';
import { CURRENCY_COOKIE } from './lib/cookies';

const currencies = (process.env.BAZAAR_CURRENCIES || 'USD,EUR').split(',').map((c) => c.trim().toLowerCase());

/**
 * Product pages are static per currency (ISR): `/products/{handle}` is served from the prerendered
 * `/products/{handle}/{currency}` of the buyer's currency cookie. The URL in the address bar and the
 * canonical URL stay `/products/{handle}`.
 */
export function proxy(request: NextRequest) {
  const handle = request.nextUrl.pathname.split('/')[2];
  if (!handle) return NextResponse.next();
  const wanted = request.cookies.get(CURRENCY_COOKIE)?.value.toLowerCase() ?? '';
  const currency = currencies.includes(wanted) ? wanted : (currencies[0] ?? 'usd');
  const url = request.nextUrl.clone();
  url.pathname = `/products/${handle}/${currency}`;
  return NextResponse.rewrite(url);
}

export const config = {
  // Exactly one segment after /products: the listing (/products) and the internal paths are left alone.
  matcher: '/products/:handle',
};
