'use client';

import { Link } from '@souk/storefront-kit/client';
import { useCookie } from '@/lib/browser-cookies';
import { SIGNED_IN_COOKIE } from '@/lib/cookies';

/** The header's account link: "Sign in", or "Account" while a session cookie is set (a display hint). */
export function AccountLink() {
  const signedIn = useCookie(SIGNED_IN_COOKIE) === '1';
  return (
    <Link href={signedIn ? '/account' : '/sign-in'} className="account-link" data-testid="account-link">
      {signedIn ? 'Account' : 'Sign in'}
    </Link>
  );
}
