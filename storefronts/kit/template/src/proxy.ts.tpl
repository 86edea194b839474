import { undecodablePath } from '@souk/storefront-kit/proxy';
import { type NextRequest, NextResponse } from 'next/server';

/**
 * A product address that cannot be decoded (`/products/100%`) gets the not-found page, not Next.js's
 * bare 500 (see the kit's `undecodablePath`). List every dynamic route you add in the matcher.
 */
export function proxy(request: NextRequest) {
  return undecodablePath(request) ?? NextResponse.next();
}

export const config = { matcher: ['/products/:handle'] };
