import { cookieNames, currencyRewritePath } from '@souk/storefront-kit';
import { type NextRequest, NextResponse } from 'next/server';

const currencies = (process.env.STOREFRONT_CURRENCIES || process.env.ATELIER_CURRENCIES || 'USD,EUR').split(
  ',',
);
const cookie = cookieNames('atelier').currency;

/** `/` and `/products/{handle}` are served from the prerendered page of the buyer's currency (see the kit). */
export function proxy(request: NextRequest) {
  const path = currencyRewritePath(request.nextUrl.pathname, request.cookies.get(cookie)?.value, currencies);
  if (!path) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = path;
  return NextResponse.rewrite(url);
}

export const config = { matcher: ['/', '/products/:handle'] };
