'use client';

import { useCookie, useTimeZoneCookie } from '@souk/storefront-kit/client';
import { SIGNED_IN_COOKIE, TIME_ZONE_COOKIE } from '@/lib/cookies';

/**
 * The header's account link: "Sign in", or "Account" while a session cookie is set (a display hint).
 * A plain anchor: a `next/link` here put its chunk on every page for one link. Being on every page, it
 * also keeps the shopper's time zone for the server's dates.
 */
export function AccountLink() {
  const signedIn = useCookie(SIGNED_IN_COOKIE) === '1';
  useTimeZoneCookie(TIME_ZONE_COOKIE);
  return (
    <a href={signedIn ? '/account' : '/sign-in'} className="account-link" data-testid="account-link">
      {signedIn ? 'Account' : 'Sign in'}
    </a>
  );
}
