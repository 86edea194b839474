import 'server-only';
import { isSoukError, type Schemas, type SoukClient } from '@souk/sdk';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { safePath } from '../cookies';
import type { StorefrontConfig } from './config';
import { type FirebaseWebConfig, readFirebaseWebConfig } from './firebase-web';

export type Customer = Schemas['Customer'];

/**
 * An order as a buyer's page shows it, with the access token it was read with: null when it was read
 * as one of the signed-in shopper's own orders (live updates need the order's token).
 */
/**
 * An order as the buyer's page reads it. `token` is the order's access token when this browser placed
 * it (null when read as the signed-in shopper's own order); `liveToken` is what joins the order's
 * real-time room from this browser: that token, else the watch token of the shopper's read (null when
 * the API gave none).
 */
export type BuyersOrder = Schemas['Order'] & { token: string | null; liveToken: string | null };

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

  /**
   * An order for the buyer's page: with the access token checkout returned (an httpOnly cookie of the
   * browser it was placed in), or else as one of the signed-in shopper's own orders (another customer's
   * order is a 404 there too). Null when neither can read it.
   */
  async function getOrder(id: string): Promise<BuyersOrder | null> {
    const token = (await cookies()).get(names.orderToken)?.value;
    try {
      if (token) return { ...(await souk.store.orders.get(id, token)), token, liveToken: token };
      const session = await getSessionToken();
      if (!session) return null;
      const order = await souk.store.customers.orders.get(session, id);
      return { ...order, token: null, liveToken: order.watch_token ?? null };
    } catch (err) {
      if (isSoukError(err, 'not_found') || isSignedOutError(err)) return null;
      throw err;
    }
  }

  /**
   * What a theme's `/sign-in` page needs from its query (`return_to`, `signed_out`): a shopper who is
   * signed in already goes straight to `returnTo`; else the Firebase config for the form (null: sign-in
   * is off) and this browser's CSRF token.
   */
  async function signInPage(query: { return_to?: string; signed_out?: string }): Promise<{
    returnTo: string;
    signedOut: boolean;
    firebase: FirebaseWebConfig | null;
    csrfToken: string;
  }> {
    const returnTo = safePath(query.return_to ?? '/account');
    if (await getCustomer()) redirect(returnTo);
    return {
      returnTo,
      signedOut: query.signed_out === '1',
      firebase: readFirebaseWebConfig(),
      csrfToken: await getCsrfToken(),
    };
  }

  return { getSessionToken, getCustomer, requireCustomer, getCsrfToken, getOrder, signInPage };
}
