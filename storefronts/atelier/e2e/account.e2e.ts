import { isLoopbackHost } from '@souk/storefront-kit';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
// The run's provided values (apiUrl, themeUrls) are declared by the shared global setup.
import type {} from '../../bazaar/e2e/setup';
import { accessProblems, accessProblemsAsShown } from '../../bazaar/e2e/support/a11y';
import { emulatorHost, takeConsoleError, textedCode, uniquePhone } from '../../bazaar/e2e/support/auth';
import { browserSessions } from '../../bazaar/e2e/support/browser';
import { uniqueEmail } from '../../bazaar/e2e/support/journeys';
import { createAdmin } from '../../bazaar/e2e/support/souk-admin';
import { bagFirstProduct, makerPartsOutOfLine, shoot } from './support/pages';

const baseURL = inject('themeUrls').atelier ?? '';
const apiUrl = inject('apiUrl');
const admin = createAdmin(apiUrl);
// Launches Chromium, closes each journey's sessions and fails it on console errors.
const { session } = browserSessions(baseURL);

/** The shopper's session credential, as the theme keeps it (an httpOnly cookie). */
async function sessionToken(page: Page): Promise<string> {
  return (await page.context().cookies()).find((c) => c.name === 'atelier_session')?.value ?? '';
}

describe.skipIf(!baseURL || !emulatorHost)('Atelier accounts (Firebase Auth emulator)', () => {
  it('sign up → the address kept at checkout fills the next → the order in the account, reviewed from there → sign out', async () => {
    const { page, errors } = await session();
    await page.goto('/');
    await page.getByTestId('account-link').click();
    await page.waitForURL(/\/sign-in$/);
    await shoot(page, 'sign-in');
    expect(await accessProblems(page, ['/sign-in'])).toEqual([]);

    // A wrong password is answered in words, by the kit's sign-in flow, against the real emulator.
    const email = uniqueEmail('atelier-account');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('sign-in-error').textContent())
      .toBe('That email and password do not match an account.');
    // The emulator's 400 for the wrong password is the one console error expected here.
    takeConsoleError(errors, / 400 .*accounts:signInWithPassword/);

    await page.getByRole('button', { name: 'New to Atelier? Create an account' }).click();
    expect(await page.getByTestId('sign-in-error').textContent()).toBe('');
    await page.getByLabel('Name').fill('Ines Moreau');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/account$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Hello, Ines Moreau');
    expect(await page.getByTestId('account-email').textContent()).toContain(email);
    expect(await page.getByTestId('account-link').textContent()).toBe('Account');
    expect(await page.getByTestId('account').textContent()).toContain('No orders yet');
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'atelier_session')).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
    });
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain('firebase');
    expect(await accessProblems(page, ['/account'])).toEqual([]);

    // Pixel Forge's pieces: the other journeys review Atlas Outfitters' and count their reviews.
    // The first checkout starts from the account's email; with no address saved yet, the box that
    // keeps the typed one is ticked.
    await bagFirstProduct(page, '/makers/pixel-forge');
    await page.goto('/checkout');
    expect(await page.getByLabel('Email').inputValue()).toBe(email);
    expect(await page.getByLabel('Address', { exact: true }).inputValue()).toBe('');
    const keep = page.getByRole('checkbox', { name: 'Save this address to my account' });
    expect(await keep.isChecked()).toBe(true);
    await page.getByLabel('Full name').fill('Ines Moreau');
    await page.getByLabel('Address', { exact: true }).fill('12 rue des Tanneurs');
    await page.getByLabel('Postal code').fill('69001');
    await page.getByLabel('City').fill('Lyon');
    await page.getByLabel('Country').selectOption('FR');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL(/\/orders\/ord_[^/]+$/);
    const orderId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByTestId('confirmation').waitFor();

    // The next checkout is filled from the account, and the box is no longer ticked.
    await bagFirstProduct(page, '/makers/pixel-forge');
    await page.goto('/checkout');
    expect(await page.getByLabel('Address', { exact: true }).inputValue()).toBe('12 rue des Tanneurs');
    expect(await page.getByLabel('City').inputValue()).toBe('Lyon');
    expect(await page.getByLabel('Country').inputValue()).toBe('FR');
    expect(await keep.isChecked()).toBe(false);
    await shoot(page, 'checkout-signed-in');
    expect(await accessProblems(page, ['/checkout'])).toEqual([]);

    await page.goto('/account');
    await expect.poll(() => page.getByTestId('account-order-id').allTextContents()).toEqual([orderId]);
    const card = page.getByTestId('account-order');
    expect(await card.textContent()).toContain('Being prepared');
    expect(await card.locator('img.thumb').count()).toBeGreaterThan(0);
    // The address kept at checkout, once; a second one (here through the API, as another theme would
    // save it) can take its place at checkout, and the first can go.
    const saved = page.getByTestId('saved-address');
    expect(await saved.allTextContents()).toEqual([
      expect.stringContaining('Ines Moreau, 12 rue des Tanneurs, 69001 Lyon, France'),
    ]);
    // A second address, added on the account page; its form checked as it stands, open.
    await page.getByTestId('saved-addresses').getByText('Add an address').click();
    const adding = page.getByTestId('address-form').last();
    await adding.getByLabel(/^Label/).fill('Studio');
    await adding.getByLabel('Full name').fill('Ines Moreau');
    await adding.getByLabel('Address', { exact: true }).fill('4 quai Saint-Vincent');
    await adding.getByLabel('Postal code').fill('69001');
    await adding.getByLabel('City').fill('Lyon');
    await adding.getByLabel('Country').selectOption('FR');
    expect(await accessProblemsAsShown(page)).toEqual([]);
    await shoot(page, 'account-address-form');
    await adding.getByRole('button', { name: 'Save address' }).click();
    await expect.poll(() => saved.count()).toBe(2);
    // Then corrected there: the form opens filled, saves, and folds away.
    const studio = saved.filter({ hasText: 'Studio' });
    await studio.getByTestId('address-editor').locator('summary').click();
    const editing = studio.getByTestId('address-form');
    expect(await editing.getByLabel('Address', { exact: true }).inputValue()).toBe('4 quai Saint-Vincent');
    await editing.getByLabel('Address', { exact: true }).fill('6 quai Saint-Vincent');
    await editing.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => studio.textContent()).toContain('6 quai Saint-Vincent');
    await expect.poll(() => studio.getByTestId('address-form').isVisible()).toBe(false);
    await page.reload();
    await shoot(page, 'account');
    expect(await accessProblems(page, ['/account'])).toEqual([]);
    await studio.getByRole('button', { name: /^Use at checkout/ }).click();
    await expect.poll(() => studio.getAttribute('data-default')).toBe('true');
    const first = saved.filter({ hasText: '12 rue des Tanneurs' });
    await first.getByRole('button', { name: /^Remove/ }).click();
    await expect.poll(() => saved.count()).toBe(1);

    // Without the order's token (another browser of the same shopper) the account still opens it;
    // a guest cannot.
    await page.context().clearCookies({ name: 'atelier_order_token' });
    await page.getByTestId('account-order-link').click();
    await page.waitForURL(new RegExp(`/orders/${orderId}$`));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Your order of /);
    expect(await page.getByTestId('seller-order').first().textContent()).toContain('Being prepared');
    expect(await accessProblems(page, [`/orders/${orderId}`])).toEqual([]);
    const guest = (await session()).page;
    await guest.goto(`/orders/${orderId}`);
    expect(await guest.getByRole('heading', { level: 1 }).textContent()).toBe('Order not available');

    // Shipped while it is open: the status turns without a reload, through the watch token the
    // account's read of the order came with (this browser no longer holds the order token).
    expect(await page.getByTestId('review-write').count()).toBe(0);
    await admin.shipEveryPart(orderId);
    await expect
      .poll(() => page.getByTestId('seller-order-status').allTextContents(), { timeout: 15_000 })
      .toEqual(['Shipped']);
    expect(await page.getByTestId('tracking').count()).toBe(1);
    // Now the account asks for a review, and its link opens the order at the form: proven by the
    // session, as the order token is gone.
    await page.goto('/account');
    const ask = page.getByTestId('account-order-to-review');
    expect(await ask.textContent()).toMatch(/^1 piece to review from your order of /);
    expect(await accessProblemsAsShown(page)).toEqual([]);
    await shoot(page, 'account-to-review');
    await ask.click();
    await page.waitForURL(new RegExp(`/orders/${orderId}#review-line_`));
    const write = page.getByTestId('review-write').first();
    await write.getByText('Review this piece').click();
    // A tap on the fourth star picks it (the radio button itself is drawn as the star).
    await write.locator('label').filter({ hasText: '4 stars' }).click();
    expect(await write.getByRole('radio', { name: '4 stars' }).isChecked()).toBe(true);
    expect(await accessProblemsAsShown(page)).toEqual([]);
    await write.getByLabel('Title').fill('Worth the wait');
    await write
      .getByLabel('Your words')
      .fill('Carefully packed, and better in the hand than in the pictures.');
    expect(await makerPartsOutOfLine(page)).toEqual([]);
    await shoot(page, 'order-review-form');
    await write.getByRole('button', { name: 'Publish review' }).click();
    // The page is drawn again with the piece reviewed and a way to the review: no second form.
    const done = page.getByTestId('review-done');
    await done.waitFor();
    expect(await page.getByTestId('review-write').count()).toBe(0);
    expect(await done.getByRole('img').getAttribute('aria-label')).toBe('You rated it 4 out of 5');
    expect(await accessProblemsAsShown(page)).toEqual([]);
    await shoot(page, 'order-reviewed');
    const line = (await admin.ordersFor(email))[0]?.seller_orders[0]?.lines[0];
    type Review = { title: string; rating: number; verified_purchase: boolean };
    const published = async () => {
      const res = await fetch(`${apiUrl}/store/products/${line?.product_id}/reviews?limit=50`, {
        headers: { 'x-api-key': 'pk_demo_storefront' },
      });
      return ((await res.json()) as { data: Review[] }).data.find((r) => r.title === 'Worth the wait');
    };
    await expect.poll(published).toMatchObject({ rating: 4, verified_purchase: true });

    // Sign out ends the session everywhere: the old credential is refused by the API itself.
    const revoked = await sessionToken(page);
    await page.goto('/account');
    // Reviewed, the order asks for nothing more.
    expect(await page.getByTestId('account-order-to-review').count()).toBe(0);
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/sign-in\?signed_out=1$/);
    await page.getByTestId('signed-out').waitFor();
    expect(await sessionToken(page)).toBe('');
    const replay = await fetch(`${apiUrl}/store/customers/me`, {
      headers: { 'x-api-key': 'pk_demo_storefront', authorization: `Bearer ${revoked}` },
    });
    expect(replay.status).toBe(401);
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
    await page.getByRole('button', { name: 'Continue with your phone' }).click();
    const phone = uniquePhone();
    await page.getByLabel('Phone number').fill(phone);
    await page.getByRole('button', { name: 'Send code' }).click();
    const code = page.getByLabel(/The 6-digit code we sent to/);
    await code.waitFor();
    await shoot(page, 'sign-in-phone-code');
    // The code step has no path of its own: checked as it stands.
    expect(await accessProblemsAsShown(page)).toEqual([]);
    const sent = await textedCode(phone);
    // A wrong code first: said in words, and the form stays on the code step.
    await code.fill(sent === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await expect.poll(() => page.getByTestId('sign-in-error').textContent()).toMatch(/not the one we sent/);
    await code.fill(sent);
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.waitForURL(/\/account$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Hello, ${phone}`);
    expect(await page.getByTestId('account').textContent()).toContain('Signed in withPhone');
    expect(outside, 'requests to hosts other than this machine').toEqual([]);
    // The emulator's 501 for the reCAPTCHA Enterprise config, and its 400 for the wrong code.
    takeConsoleError(errors, / 501 .*\/v2\/recaptchaConfig\?/);
    takeConsoleError(errors, / 400 .*signInWithPhoneNumber/);
  });
});
