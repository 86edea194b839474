import { describe, expect, inject, it } from 'vitest';
import type {} from '../../bazaar/e2e/setup';
import { emulatorHost } from '../../bazaar/e2e/support/auth';
import { browserSessions } from '../../bazaar/e2e/support/browser';
import { uniqueEmail } from '../../bazaar/e2e/support/journeys';
import { pageThroughOrders } from '../../bazaar/e2e/support/order-pages';
import { shoot } from './support/pages';

const baseURL = inject('themeUrls').atelier ?? '';
// Launches Chromium, closes each journey's sessions and fails it on console errors.
const { session } = browserSessions(baseURL);

describe.skipIf(!baseURL || !emulatorHost)('Atelier accounts: a long order history', () => {
  it('ten orders a page, newest first, dated by the shopper’s day: older and back to the latest; a cursor the API refuses shows the latest', async () => {
    // A browser whose day differs from UTC's now (UTC−11 before 11:00 UTC, else UTC+14): the orders
    // are dated by the shopper's day, which the header told the server.
    const timezoneId = new Date().getUTCHours() < 11 ? 'Pacific/Pago_Pago' : 'Pacific/Kiritimati';
    const { page } = await session({ timezoneId });
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'New to Atelier? Create an account' }).click();
    await page.getByLabel('Name').fill('Ines Moreau');
    await page.getByLabel('Email').fill(uniqueEmail('atelier-history'));
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/account$/);
    await pageThroughOrders(page, {
      apiUrl: inject('apiUrl'),
      sessionCookie: 'atelier_session',
      perPage: 10,
    });
    const sessionToken = (await page.context().cookies()).find((c) => c.name === 'atelier_session')?.value;
    const newest = await fetch(`${inject('apiUrl')}/store/customers/me/orders?limit=1`, {
      headers: { 'x-api-key': 'pk_demo_storefront', authorization: `Bearer ${sessionToken}` },
    });
    const [latest] = ((await newest.json()) as { data: { id: string; created_at: string }[] }).data;
    const placedAt = latest?.created_at ?? '';
    const day = (timeZone: string) =>
      new Date(placedAt).toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone,
      });
    expect(day(timezoneId)).not.toBe(day('UTC'));
    expect(await page.getByTestId('account-order').first().locator('h3').textContent()).toBe(day(timezoneId));
    await shoot(page, 'account-order-pages');

    // The first page a shopper opens (a link to the order, in a browser that has not told the server
    // its zone) is on the browser's day too, once drawn: the server's UTC date is written again.
    const served = await fetch(`${baseURL}/orders/${latest?.id}`, {
      headers: { cookie: `atelier_session=${sessionToken}` },
    });
    expect(await served.text()).toContain(`>${day('UTC')}</time>`);
    const first = (await session({ timezoneId })).page;
    await first.context().addCookies([{ name: 'atelier_session', value: sessionToken ?? '', url: baseURL }]);
    await first.goto(`/orders/${latest?.id}`);
    await expect
      .poll(() => first.getByRole('heading', { level: 1 }).textContent())
      .toBe(`Your order of ${day(timezoneId)}`);
  });
});
