import { describe, expect, inject, it } from 'vitest';
// The run's provided values (apiUrl, themeUrls) are declared by the shared global setup.
import type {} from '../../bazaar/e2e/setup';
import { targetAndTextProblems } from '../../bazaar/e2e/support/a11y';
import { browserSessions } from '../../bazaar/e2e/support/browser';
import { containerWalk, tabWalkPages } from '../../bazaar/e2e/support/focus';
import { checkPages, DESKTOP_AND_PHONE, sidewaysAt320 } from '../../bazaar/e2e/support/layout';
import { createAdmin } from '../../bazaar/e2e/support/souk-admin';
import { expectSearchSuggestions, suggestionsShot } from '../../bazaar/e2e/support/suggestions';
import { bagFirstProduct, shots } from './support/pages';

const baseURL = inject('themeUrls').atelier ?? '';
const apiUrl = inject('apiUrl');
const _admin = createAdmin(apiUrl);
// Launches Chromium, closes each journey's sessions and fails it on console errors.
const { session } = browserSessions(baseURL);

// A Tab walk measures every stop of several pages at two widths: about a minute on a busy machine.
const WALK_TIMEOUT_MS = 180_000;

describe.skipIf(!baseURL)('Atelier in Chromium: keyboard, small screens, assistive technology', () => {
  it(
    'by keyboard: every Tab stop from home to checkout shows its ring, 3:1 on what it lies on, uncovered',
    async () => {
      const { page } = await session();
      const product = await bagFirstProduct(page);
      // Each stop's ring against the pixels under it (paper, the ink feature and footer, the announcement
      // bar under the skip link), and nothing drawn over the focused element; then the forms: the bag's
      // steppers, every checkout field.
      expect(await tabWalkPages(page, ['/', '/products', product, '/cart', '/checkout'])).toEqual([]);
    },
    WALK_TIMEOUT_MS,
  );

  it('by keyboard: the mega-menu, the filter panel, the quick view and the mini-cart', async () => {
    const { page } = await session();
    await bagFirstProduct(page);
    // Inside what opens over the page: the menu's links until focus leaves it; round the quick view
    // and the mini-cart, which keep focus inside (modal dialogs).
    const clean = { complete: true, weak: [] };
    await page.goto('/');
    await page.getByRole('button', { name: 'Shop' }).focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('navigation', { name: 'Categories' });
    await menu.waitFor();
    expect(await containerWalk(page, menu, { modal: false })).toMatchObject(clean);
    // The filter panel opens from its summary by keyboard, and every field in it shows its ring.
    await page.goto('/categories/apparel');
    await page.getByTestId('refine').locator('summary').focus();
    await page.keyboard.press('Enter');
    const filters = page.getByRole('form', { name: 'Filter pieces' });
    await filters.waitFor();
    expect(await containerWalk(page, filters, { modal: false })).toMatchObject(clean);
    await page.goto('/products?seller=atlas-outfitters');
    await page
      .getByRole('button', { name: /^Quick view/ })
      .first()
      .focus();
    await page.keyboard.press('Enter');
    const quick = page.locator('dialog.quick[open]');
    await quick.getByRole('button', { name: 'Add to bag' }).waitFor();
    expect(await containerWalk(page, quick, { modal: true })).toMatchObject(clean);
    await page.keyboard.press('Escape');
    for (const size of DESKTOP_AND_PHONE) {
      await page.setViewportSize(size);
      await page.getByTestId('bag-button').click();
      const drawer = page.locator('dialog.drawer[open]');
      await drawer.getByTestId('mini-cart-line').first().waitFor();
      expect(await containerWalk(page, drawer, { modal: true })).toMatchObject(clean);
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'detached' });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('small screens, fingers, wider text: no sideways scroll at 320 px, targets of 24 px or with room, no text cut off', async () => {
    const { page } = await session();
    const product = await bagFirstProduct(page);
    const paths = [
      '/',
      '/products',
      product,
      '/products?seller=nordic-home',
      '/categories/cookware',
      '/cart',
      '/checkout',
    ];
    // 320 px: a 1280 px screen at 400 % zoom (WCAG's reflow), the narrowest phones.
    expect(await sidewaysAt320(page, [...paths, '/products?q=linen'])).toEqual([]);
    // WCAG 2.5.8: targets under 24 px need room around them.
    // WCAG 1.4.12: with wider line, letter, word and paragraph spacing no text is cut off.
    expect(await checkPages(page, paths, DESKTOP_AND_PHONE, targetAndTextProblems)).toEqual([]);
  });

  it('one quick view for the grid: keyboard, screen-reader name, add to bag, focus back, a press before hydration', async () => {
    const { page } = await session();
    await page.goto('/products?seller=atlas-outfitters');
    const buttons = page.getByRole('button', { name: /^Quick view/ });
    const second = buttons.nth(1);
    const title = (await second.getAttribute('data-title')) ?? '';
    expect(title).not.toBe('');
    expect(await second.textContent()).toBe(`Quick view: ${title}`);
    // Every card's button opens the page's one dialog: no dialog, state or hooks per card.
    expect(await buttons.count()).toBeGreaterThan(1);
    expect(await page.locator('dialog.quick').count()).toBe(1);

    await second.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: title });
    await dialog.waitFor();
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await second.evaluate((b) => b === document.activeElement)).toBe(true);

    // Another card's product, added to the bag from the dialog; the close button gives focus back.
    const third = buttons.nth(2);
    const thirdTitle = (await third.getAttribute('data-title')) ?? '';
    await third.focus();
    await page.keyboard.press('Enter');
    const other = page.getByRole('dialog', { name: thirdTitle });
    await other.getByRole('button', { name: 'Add to bag' }).click();
    const drawer = page.locator('dialog.drawer[open]');
    await drawer.waitFor();
    await expect.poll(() => drawer.getByTestId('mini-cart-line').count()).toBe(1);
    await drawer.getByRole('button', { name: 'Close' }).click();
    await page.locator('dialog.quick .quick__close').click();
    await other.waitFor({ state: 'hidden' });
    expect(await third.evaluate((b) => b === document.activeElement)).toBe(true);

    // Pressed while the page's scripts are still loading: the dialog opens once the page hydrates.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/_next/static/chunks/**', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/products?seller=atlas-outfitters', { waitUntil: 'commit' });
    const early = page.getByRole('button', { name: /^Quick view/ }).first();
    const earlyTitle = (await early.getAttribute('data-title')) ?? '';
    await page.locator('.card__media').first().hover();
    await early.click();
    expect(await page.locator('dialog.quick[open]').count()).toBe(0);
    release();
    await page
      .getByRole('dialog', { name: earlyTitle })
      .getByRole('button', { name: 'Add to bag' })
      .waitFor();
  });

  it("suggests pieces while typing, in the header's search and in the menu's on a phone", async () => {
    const { page } = await session();
    await page.goto('/');
    await expectSearchSuggestions(page, page.locator('#header-search'), apiUrl);
    await page.goto('/');
    await suggestionsShot(page, page.locator('#header-search'), 'search-suggestions', shots);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await page.getByRole('button', { name: 'Shop' }).click();
    await suggestionsShot(page, page.locator('#menu-search'), 'search-suggestions-mobile', shots);
    // Escape closes the list and leaves the menu open; a product chosen from it loads its page, menu shut.
    const box = page.locator('#menu-search');
    await box.press('Escape');
    await expect.poll(() => page.getByRole('listbox', { name: 'Suggestions' }).isVisible()).toBe(false);
    expect(await page.locator('.menu__panel').isVisible()).toBe(true);
    await box.press('ArrowDown');
    await expect.poll(() => box.getAttribute('aria-activedescendant')).toBeTruthy();
    await box.press('Enter');
    await page.waitForURL(/\/products\/[^/?]+$/);
    expect(await page.locator('.menu__panel').isVisible()).toBe(false);
  });
});
