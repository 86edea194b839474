import 'server-only';
import { isSoukError, type Schemas, type SoukClient } from '@souk/sdk';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { safePath } from '../cookies';
import type { StorefrontConfig } from './config';

export type Customer = Schemas['Customer'];

/** Whether the API refused the shopper's credential (expired, revoked, disabled user, …). */
export function isSignedOutError(err: unknown): boolean {
  return isSoukError(err) && err.status === 401;
}

/**
 * Reading the shopper's session on the server: the Firebase session cookie (httpOnly) and the
 * customer it stands for. Part of `createStorefront`; the sign-in and sign-out routes are in
 * `session-routes.ts`.
 */
export function createSessionReader(config: StorefrontConfig, souk: SoukClient) {
  const names = config.cookies;

  /** The session credential in the cookie, if any (unchecked: the API verifies it on every call). */
  async function getSessionToken(): Promise<string | undefined> {
    return (await cookies()).get(names.session)?.value || undefined;
  }

  /**
   * The signed-in customer, or null: no session, or one the API refuses (expired, revoked — e.g. signed
   * out on another device —, disabled user). Once per request; reading it makes the page dynamic.
   */
  const getCustomer = cache(async (): Promise<Customer | null> => {
    const token = await getSessionToken();
    if (!token) return null;
    try {
      return await souk.store.customers.get(token);
    } catch (err) {
      if (isSignedOutError(err)) return null;
      throw err;
    }
  });

  /** The signed-in customer, or a redirect to `/sign-in` that comes back to `returnTo` afterwards. */
  async function requireCustomer(returnTo: string): Promise<Customer> {
    const customer = await getCustomer();
    if (!customer) redirect(`/sign-in?return_to=${encodeURIComponent(safePath(returnTo))}`);
    return customer;
  }

  /** This browser's CSRF token (set by the theme's proxy), for forms and the sign-in call to repeat. */
  async function getCsrfToken(): Promise<string> {
    return (await cookies()).get(names.csrf)?.value ?? '';
  }

  return { getSessionToken, getCustomer, requireCustomer, getCsrfToken };
}
