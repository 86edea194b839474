import 'server-only';
import { isSoukError } from '@souk/sdk';
import { cookies } from 'next/headers';
import { publicCookie, safePath, sessionCookie } from '../cookies';
import { toFormProblem } from '../problems';
import { isSameSiteRequest } from './csrf';
import type { Storefront } from './storefront';

/** How long a storefront session lasts (the API caps it at Firebase's 14 days). */
const SESSION_SECONDS = 14 * 24 * 60 * 60;

function json(status: number, body: unknown): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
}

const forbidden = () =>
  json(403, {
    code: 'csrf_failed',
    message: 'This request did not come from this store. Reload the page and try again.',
  });

/**
 * Route handlers of a theme's sign-in and sign-out (`app/session/route.ts` exports `POST: signIn`,
 * `app/session/sign-out/route.ts` exports `POST: signOut`).
 */
export function createSessionRoutes(store: Storefront) {
  const { config, souk } = store;
  const names = config.cookies;

  /**
   * `POST` `{ id_token }` with header `X-CSRF-Token`: the browser signed in with the Firebase JS SDK;
   * the API turns the fresh ID token into a session kept in an httpOnly cookie (the ID token itself is
   * dropped), and the guest cart becomes the customer's. Answers `{ return_to }`.
   */
  async function signIn(request: Request): Promise<Response> {
    const jar = await cookies();
    if (!isSameSiteRequest(request, request.headers.get('x-csrf-token'), jar.get(names.csrf)?.value)) {
      return forbidden();
    }
    const body = (await request.json().catch(() => ({}))) as { id_token?: unknown; return_to?: unknown };
    if (typeof body.id_token !== 'string' || body.id_token === '') {
      return json(400, { code: 'validation_failed', message: 'Sign in first.' });
    }
    let session: { session: string; expires_at: string };
    try {
      session = await souk.store.customers.sessions.create(body.id_token, { expires_in: SESSION_SECONDS });
    } catch (err) {
      const problem = toFormProblem(err);
      return json(isSoukError(err) ? err.status : 502, { code: problem.code, message: problem.message });
    }
    const maxAge = Math.max(0, Math.floor((Date.parse(session.expires_at) - Date.now()) / 1000));
    jar.set(names.session, session.session, sessionCookie(config.secureCookies, maxAge));
    jar.set(names.signedIn, '1', { ...publicCookie(config.secureCookies), maxAge });
    const guestCartId = jar.get(names.cart)?.value;
    try {
      const attached = guestCartId
        ? await souk.store.customers.cart.attach(session.session, { guest_cart_id: guestCartId })
        : { cart: await souk.store.customers.cart.get(session.session) };
      await store.rememberCart(attached.cart);
    } catch (err) {
      // No saved cart (404), or a guest cart that was checked out meanwhile (409): signing in still worked.
      if (!isSoukError(err) || err.status >= 500) throw err;
      if (guestCartId) jar.delete(names.cart);
    }
    return json(200, { return_to: safePath(body.return_to) });
  }

  /**
   * `POST` form with `csrf_token`: signs out everywhere (the API revokes every session of the shopper)
   * and forgets the session and the cart on this browser. Redirects (303) to `/sign-in?signed_out=1`.
   */
  async function signOut(request: Request): Promise<Response> {
    const jar = await cookies();
    const form = await request.formData().catch(() => new FormData());
    const submitted = form.get('csrf_token');
    if (
      !isSameSiteRequest(
        request,
        typeof submitted === 'string' ? submitted : null,
        jar.get(names.csrf)?.value,
      )
    ) {
      return forbidden();
    }
    const token = jar.get(names.session)?.value;
    if (token) {
      try {
        await souk.store.customers.sessions.revoke(token);
      } catch (err) {
        // Already expired or revoked elsewhere: signed out either way.
        if (!isSoukError(err) || err.status !== 401) throw err;
      }
    }
    for (const name of [names.session, names.signedIn, names.cart, names.cartCount]) jar.delete(name);
    return new Response(null, { status: 303, headers: { location: '/sign-in?signed_out=1' } });
  }

  return { signIn, signOut };
}
