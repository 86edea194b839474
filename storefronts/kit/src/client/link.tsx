'use client';

import NextLink from 'next/link';
import { type ComponentProps, useState } from 'react';

/**
 * `next/link` that prefetches on intent (pointer over it, or keyboard focus) instead of as soon as it
 * scrolls into view. A storefront page shows dozens of links to dynamic pages (home, cart, categories,
 * sellers, sign-in): Next's viewport prefetch asked the server to render each of them while the page
 * was still loading (18 RSC requests on Bazaar's listing), competing with the pictures for the
 * network and the main thread. Pass `prefetch` to choose otherwise for one link.
 */
export function Link({ prefetch, onMouseEnter, onFocus, ...props }: ComponentProps<typeof NextLink>) {
  const [intent, setIntent] = useState(false);
  return (
    <NextLink
      {...props}
      prefetch={prefetch !== undefined ? prefetch : intent ? null : false}
      onMouseEnter={(e) => {
        setIntent(true);
        onMouseEnter?.(e);
      }}
      onFocus={(e) => {
        setIntent(true);
        onFocus?.(e);
      }}
    />
  );
}
