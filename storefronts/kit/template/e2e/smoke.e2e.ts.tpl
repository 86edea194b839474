import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type {} from '../../bazaar/e2e/setup';
import { accessProblems } from '../../bazaar/e2e/support/a11y';
import { launchBrowser, newSession } from '../../bazaar/e2e/support/browser';

const baseURL = inject('themeUrls').__THEME__ ?? '';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

it.skipIf(!baseURL)('__THEME__: home → product → add to cart → cart, with no console errors', async () => {
  const { context, page, errors } = await newSession(browser, baseURL);
  await page.goto('/');
  // A keyboard user's first stop jumps past the header.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
  await page.getByTestId('product-card').first().locator('a').click();
  await page.waitForURL(/\/products\//);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByRole('status').filter({ hasText: 'Added to your cart.' }).waitFor();
  const product = new URL(page.url()).pathname;
  await page.goto('/cart');
  expect(await page.getByTestId('cart-line').count()).toBe(1);
  // At 320 px (400 % zoom) no page scrolls sideways; at desktop and phone width every target is 24 px
  // or has room, no text is cut off under wider spacing, and every Tab stop shows a ring, 3:1 on what
  // lies under it.
  expect(await accessProblems(page, ['/', product, '/cart'])).toEqual([]);
  await context.close();
  expect(errors).toEqual([]);
});

it.skipIf(!baseURL)('__THEME__: a product address that cannot be decoded is not found (404), not an error', async () => {
  for (const path of ['/products/ab%E0%A4%A', '/products/100%']) {
    expect((await fetch(`${baseURL}${path}`)).status, path).toBe(404);
  }
});
