import { isLoopbackHost } from '@souk/storefront-kit';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { accessProblems, accessProblemsAsShown } from './support/a11y';
import { emulatorHost, takeConsoleError, textedCode, uniquePhone } from './support/auth';
import { browserSessions, screenshot } from './support/browser';
import { addToCart, openFirstBuyable, uniqueEmail } from './support/journeys';
import { pageThroughOrders } from './support/order-pages';
import { createAdmin } from './support/souk-admin';

const baseURL = inject('storefrontUrl');
const apiUrl = inject('apiUrl');
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
    // By keyboard, at 320 px and by finger (see the buyer journeys): here and on every page below.
    expect(await accessProblems(page, ['/sign-in'])).toEqual([]);

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

    // The address book: add three, edit one, move the default, delete one.
    const saved = page.getByTestId('saved-address');
    const addAddress = async (label: string, line1: string, postalCode: string, city: string) => {
      await page.getByRole('button', { name: 'Add an address' }).click();
      const form = page.getByTestId('address-form');
      await form.getByLabel(/^Label/).fill(label);
      await form.getByLabel('Full name').fill('Erika Mustermann');
      await form.getByLabel('Address', { exact: true }).fill(line1);
      await form.getByLabel('Postal code').fill(postalCode);
      await form.getByLabel('City').fill(city);
      await form.getByLabel('Country').selectOption('DE');
      const count = await saved.count();
      await form.getByRole('button', { name: 'Save address' }).click();
      await expect.poll(() => saved.count()).toBe(count + 1);
    };
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Add an address' }).click();
    await screenshot(page, 'account-address-form-390');
    // On a phone the postal code and the city still share a row, their inputs side by side and level.
    const form = page.getByTestId('address-form');
    const [postal, city] = await Promise.all([
      form.getByLabel('Postal code').boundingBox(),
      form.getByLabel('City').boundingBox(),
    ]);
    expect(postal && city && Math.abs(postal.y - city.y) < 1 && postal.x < city.x).toBe(true);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.setViewportSize({ width: 1280, height: 900 });
    await addAddress('Home', 'Heidestraße 17', '51147', 'Köln');
    await addAddress('Office', 'Friedrichstraße 1', '10117', 'Berlin');
    await addAddress('Old flat', 'Am Markt 2', '28195', 'Bremen');
    expect(await saved.first().textContent()).toMatch(/^HomeDefault/);
    const office = saved.filter({ hasText: 'Office' });
    await office.getByRole('button', { name: 'Edit' }).click();
    await saved.getByLabel('Address', { exact: true }).fill('Friedrichstraße 100');
    await saved.getByRole('button', { name: 'Save changes' }).click();
    await office.getByText('Friedrichstraße 100').waitFor();
    await office.getByRole('button', { name: 'Make default' }).click();
    await expect.poll(() => saved.first().textContent()).toMatch(/^OfficeDefault/);
    await saved.filter({ hasText: 'Old flat' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => saved.allTextContents()).toHaveLength(2);
    expect((await saved.allTextContents()).join()).not.toContain('Bremen');

    expect(await accessProblems(page, ['/account'])).toEqual([]);

    // Checkout while signed in starts from the default address; another saved one can be picked.
    await page.goto('/sellers/nordic-home');
    await openFirstBuyable(page);
    await addToCart(page);
    expect(await accessProblems(page, ['/checkout'])).toEqual([]);
    expect(await page.getByLabel('Email').inputValue()).toBe(email);
    expect(await page.getByLabel('Address', { exact: true }).inputValue()).toBe('Friedrichstraße 100');
    await screenshot(page, 'checkout-signed-in-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'checkout-signed-in-390');
    await page.setViewportSize({ width: 1280, height: 900 });
    // A saved address picked as it is needs no saving; a typed one may be saved (not by default here,
    // as the account has addresses already).
    const keep = page.getByRole('checkbox', { name: 'Save this address to my account' });
    expect(await keep.count()).toBe(0);
    await page.getByTestId('saved-address-picker').selectOption({ label: 'Enter another address' });
    expect(await keep.isChecked()).toBe(false);
    await page.getByTestId('saved-address-picker').selectOption({ label: 'Home, Heidestraße 17, Köln' });
    expect(await keep.count()).toBe(0);
    expect(await page.getByLabel('Address', { exact: true }).inputValue()).toBe('Heidestraße 17');
    expect(await page.getByLabel('City').inputValue()).toBe('Köln');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL(/\/orders\/[^/]+$/);
    const orderId = (await page.getByTestId('order-id').textContent()) ?? '';
    expect(orderId).toMatch(/^ord_/);
    expect(await page.locator('address').textContent()).toContain('Heidestraße 17');
    expect(await accessProblems(page, [new URL(page.url()).pathname])).toEqual([]);

    await page.goto('/account');
    await expect.poll(() => page.getByTestId('account-order-id').allTextContents()).toContain(orderId);
    expect(await page.getByTestId('account-order').first().textContent()).toContain('Preparing');
    await screenshot(page, 'account-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'account-390');
    await page.setViewportSize({ width: 1280, height: 900 });

    // The account opens its own order without the order token; a guest browser without it cannot.
    await page.context().clearCookies({ name: 'bazaar_order_token' });
    await page.getByTestId('account-order-link').first().click();
    await page.waitForURL(new RegExp(`/orders/${orderId}$`));
    expect(await page.getByTestId('order-id').textContent()).toBe(orderId);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Placed on /);
    expect(await page.getByTestId('seller-order-status').first().textContent()).toBe('Preparing');
    const guest = (await session()).page;
    await guest.goto(`/orders/${orderId}`);
    expect(await guest.getByRole('heading', { level: 1 }).textContent()).toBe('Order not available');
    await page.goto('/account');
    // Nothing to review before it ships; once shipped, the card asks, and takes the shopper to the form.
    expect(await page.getByTestId('account-order-to-review').count()).toBe(0);
    await createAdmin(apiUrl).shipEveryPart(orderId);
    await page.reload();
    const card = page.getByTestId('account-order').filter({ hasText: orderId });
    const ask = card.getByTestId('account-order-to-review');
    expect(await ask.textContent()).toBe(`Review 1 item of order ${orderId}`);
    expect(await accessProblemsAsShown(page)).toEqual([]);
    await screenshot(page, 'account-to-review-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'account-to-review-390');
    await page.setViewportSize({ width: 1280, height: 900 });
    await ask.click();
    await page.waitForURL(new RegExp(`/orders/${orderId}#review-line_`));
    await expect.poll(() => page.getByTestId('review-form').isVisible()).toBe(true);
    await page.goto('/account');

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

  it('phone: number → code (read from the emulator) → signed in, with no request leaving this machine', async () => {
    const { page, errors } = await session();
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!isLoopbackHost(new URL(r.url()).hostname)) outside.push(r.url());
    });
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Continue with phone number' }).click();
    const phone = uniquePhone();
    await page.getByLabel('Phone number').fill(phone);
    await page.getByRole('button', { name: 'Send code' }).click();
    await page.getByLabel('Code').waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'sign-in-phone-390');
    await page.setViewportSize({ width: 1280, height: 900 });
    // The code step has no path of its own: checked as it stands.
    expect(await accessProblemsAsShown(page)).toEqual([]);
    const code = await textedCode(phone);
    await page.getByLabel('Code').fill(code);
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.waitForURL(/\/account$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Hello, ${phone}`);
    expect(await page.getByTestId('account').textContent()).toContain('Signed in withPhone');
    expect(outside, 'requests to hosts other than this machine').toEqual([]);
    // The one console error: the emulator's 501 for the reCAPTCHA Enterprise config.
    takeConsoleError(errors, / 501 .*\/v2\/recaptchaConfig\?/);
  });

  it('twenty orders a page, newest first: older and back to the latest; a cursor the API refuses shows the latest', async () => {
    const { page } = await session();
    await signUp(page, uniqueEmail('history'), 'Erika Mustermann');
    await pageThroughOrders(page, { apiUrl, sessionCookie: 'bazaar_session', perPage: 20 });
    await screenshot(page, 'account-order-pages');
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
