'use client';

import { cookieNames } from '@souk/storefront-kit';
import { useCookie, useTimeZoneCookie } from '@souk/storefront-kit/client';

const { signedIn: signedInCookie, timeZone: timeZoneCookie } = cookieNames('atelier');

/**
 * The header's account link: "Sign in", or "Account" while a session cookie is set (a display hint;
 * the account page checks the session itself). On a phone only its figure shows, named all the same.
 * Being on every page, it also keeps the shopper's time zone for the server's dates.
 */
export function AccountLink() {
  const signedIn = useCookie(signedInCookie) === '1';
  useTimeZoneCookie(timeZoneCookie);
  return (
    <a href={signedIn ? '/account' : '/sign-in'} className="account-link" data-testid="account-link">
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <circle cx="12" cy="8" r="4" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7" fill="none" stroke="currentColor" strokeWidth="1.5" />
      </svg>
      {signedIn ? 'Account' : 'Sign in'}
    </a>
  );
}
