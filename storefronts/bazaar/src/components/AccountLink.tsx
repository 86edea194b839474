'use client';

import { useCookie } from '@souk/storefront-kit/client';
import { SIGNED_IN_COOKIE } from '@/lib/cookies';

/**
 * The header's account link: "Sign in", or "Account" while a session cookie is set (a display hint).
 * A plain anchor: a `next/link` here put its chunk on every page for one link.
 */
export function AccountLink() {
  const signedIn = useCookie(SIGNED_IN_COOKIE) === '1';
  return (
    <a href={signedIn ? '/account' : '/sign-in'} className="account-link" data-testid="account-link">
      {signedIn ? 'Account' : 'Sign in'}
    </a>
  );
}
