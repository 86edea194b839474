import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserSessions, screenshot } from './support/browser';
import { addToCart, fillCheckout, openFirstBuyable, uniqueEmail } from './support/journeys';

const baseURL = inject('storefrontUrl');
const apiUrl = inject('apiUrl');
/** Sign-in needs the Firebase Auth emulator (`scripts/services up firebase-auth`), for the API and the theme. */
const emulatorHost = process.env.FIREBASE_AUTH_EMULATOR_HOST;
// Launches Chromium, closes each journey's sessions and fails it on console errors.
const { session } = browserSessions(baseURL);

/** The page's cookies as a `Cookie` header, for requests made outside the browser. */
async function cookieHeader(page: Page): Promise<string> {
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}

async function signUp(page: Page, email: string, name: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'New here? Create an account' }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(/\/account$/);
}

describe.skipIf(!baseURL || !emulatorHost)('customer account (Firebase Auth emulator)', () => {
  it('sign up → checkout signed in → the order is in the account → sign out → the account asks to sign in', async () => {
    const { page } = await session();
    await page.goto('/sign-in');
    await screenshot(page, 'sign-in-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'sign-in-390');
    await page.setViewportSize({ width: 1280, height: 900 });

    const email = uniqueEmail('account');
    await signUp(page, email, 'Erika Mustermann');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Hello, Erika Mustermann');
    expect(await page.getByTestId('account-email').textContent()).toContain(email);
    expect(await page.getByTestId('account-link').textContent()).toBe('Account');

    // The session is an httpOnly, SameSite=Lax cookie; the browser keeps no Firebase credential of its own.
    const cookies = await page.context().cookies();
    const sessionCookie = cookies.find((c) => c.name === 'bazaar_session');
    expect(sessionCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(cookies.find((c) => c.name === 'bazaar_csrf')).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
    });
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain('firebase');

    // Checkout while signed in: the order belongs to the account.
    await page.goto('/sellers/nordic-home');
    await openFirstBuyable(page);
    await addToCart(page);
    await page.goto('/checkout');
    await fillCheckout(page, { email });
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL(/\/orders\/[^/]+$/);
    const orderId = (await page.getByTestId('order-id').textContent()) ?? '';
    expect(orderId).toMatch(/^ord_/);

    await page.goto('/account');
    await expect.poll(() => page.getByTestId('account-order-id').allTextContents()).toContain(orderId);
    expect(await page.getByTestId('account-order').first().textContent()).toContain('Preparing');
    await screenshot(page, 'account-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'account-390');
    await page.setViewportSize({ width: 1280, height: 900 });

    // A cross-site form post without the CSRF token is refused, and signs nobody out.
    const forged = await fetch(`${baseURL}/session/sign-out`, {
      method: 'POST',
      headers: {
        cookie: await cookieHeader(page),
        origin: 'https://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'csrf_token=guess',
      redirect: 'manual',
    });
    expect(forged.status).toBe(403);
    await page.reload();
    expect(await page.getByTestId('account-email').textContent()).toContain(email);

    // Sign out revokes the session everywhere: the old cookie is refused by the API itself.
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/sign-in\?signed_out=1$/);
    await page.getByTestId('signed-out').waitFor();
    expect((await page.context().cookies()).some((c) => c.name === 'bazaar_session')).toBe(false);
    const replay = await fetch(`${apiUrl}/store/customers/me`, {
      headers: { 'x-api-key': 'pk_demo_storefront', authorization: `Bearer ${sessionCookie?.value}` },
    });
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as { code: string }).code).toBe('token_revoked');

    await page.goto('/account');
    await page.waitForURL(/\/sign-in\?return_to=%2Faccount$/);
    expect(await page.getByTestId('account-link').textContent()).toBe('Sign in');
  });

  it('refuses a sign-in posted by another site or without the CSRF token', async () => {
    const attempts: Record<string, string>[] = [
      { origin: 'https://evil.example', 'x-csrf-token': 'x', cookie: 'bazaar_csrf=x' },
      { 'sec-fetch-site': 'cross-site', 'x-csrf-token': 'x', cookie: 'bazaar_csrf=x' },
      { cookie: 'bazaar_csrf=x' },
    ];
    for (const headers of attempts) {
      const res = await fetch(`${baseURL}/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ id_token: 'anything' }),
      });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.headers.get('set-cookie') ?? '').not.toContain('bazaar_session');
    }
    // With this browser's token the request gets through to the API, which refuses the made-up ID token.
    const res = await fetch(`${baseURL}/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': 'x', cookie: 'bazaar_csrf=x' },
      body: JSON.stringify({ id_token: 'anything' }),
    });
    expect(res.status).toBe(401);
  });
});
