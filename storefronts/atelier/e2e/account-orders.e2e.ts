import { describe, inject, it } from 'vitest';
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
  it('ten orders a page, newest first: older and back to the latest; a cursor the API refuses shows the latest', async () => {
    const { page } = await session();
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
    await shoot(page, 'account-order-pages');
  });
});
