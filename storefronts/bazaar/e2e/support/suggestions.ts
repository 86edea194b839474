import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createSoukClient } from '@souk/sdk';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshotDir } from './browser';

/**
 * The combobox's state as a screen reader gets it: expanded, and the active option's text. Polled
 * after each key: the list's state reaches the input's attributes in a render of its own.
 */
async function comboboxState(input: Locator) {
  return input.evaluate((box) => {
    const active = box.getAttribute('aria-activedescendant');
    const option = active ? document.getElementById(active) : null;
    return {
      expanded: box.getAttribute('aria-expanded'),
      active: option?.getAttribute('aria-selected') === 'true' ? option.textContent : null,
    };
  });
}

/**
 * A search box (`input`, on the page already open) suggests products as the shopper types: a
 * half-typed word lists the API's first products for it (titles, in the API's order, each with its
 * price), then a search for all the words. The arrow keys move the active option (the input keeps the
 * focus: `aria-activedescendant`), Escape closes the list and keeps the words, Enter on a product opens
 * its page and Enter on the last option searches. One letter suggests nothing.
 */
export async function expectSearchSuggestions(page: Page, input: Locator, apiUrl: string) {
  const souk = createSoukClient({ baseUrl: apiUrl, apiKey: 'pk_demo_storefront' });
  const expected = await souk.store.products.list({ q: 'chel', currency: 'USD', limit: 5 });
  expect(expected.data.length).toBeGreaterThan(0);
  const list = page.getByRole('listbox', { name: 'Suggestions' });
  const options = list.getByRole('option');

  await input.click();
  await input.pressSequentially('c', { delay: 50 });
  await page.waitForTimeout(600);
  expect(await list.isVisible()).toBe(false);
  await input.pressSequentially('hel', { delay: 50 });
  await list.waitFor();
  const titles = await options.locator('.suggestion-title').allTextContents();
  expect(titles).toEqual(expected.data.map((p) => p.title));
  expect(await options.locator('.suggestion-price').count()).toBe(expected.data.length);
  expect(await options.last().textContent()).toBe('See all results for “chel”');
  expect(await page.getByRole('status').filter({ hasText: 'suggested' }).textContent()).toBe(
    `${expected.data.length} products suggested; up and down arrows to choose`,
  );

  // The list open, with the option holding `title` active.
  const activeIs = (title: string | undefined) =>
    expect
      .poll(() => comboboxState(input))
      .toEqual({ expanded: 'true', active: expect.stringContaining(title ?? '-') });
  await input.press('ArrowDown');
  await input.press('ArrowDown');
  await activeIs(titles[1]);
  await input.press('ArrowUp');
  await activeIs(titles[0]);
  await input.press('Escape');
  await expect.poll(() => comboboxState(input)).toEqual({ expanded: 'false', active: null });
  await expect.poll(() => list.isVisible()).toBe(false);
  expect(await input.inputValue()).toBe('chel');
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');

  await input.press('ArrowDown');
  await activeIs(titles[0]);
  await input.press('Enter');
  await page.waitForURL(`**/products/${expected.data[0]?.handle}`);
  await expect.poll(() => page.locator('h1').first().textContent()).toBe(titles[0]);

  await input.click();
  await input.fill('');
  await input.pressSequentially('leather bo', { delay: 30 });
  await list.waitFor();
  // Up from the box is the last option; Enter at once (before a render) acts on it all the same.
  await input.press('ArrowUp');
  await input.press('Enter');
  await page.waitForURL((url) => url.pathname === '/products' && url.searchParams.get('q') === 'leather bo');
}

/**
 * Types a half word into `input` and keeps the open list as `<dir>/<name>.png` (the window, not the page),
 * checking that the list lies inside the window (on a phone too) and its pictures have loaded.
 */
export async function suggestionsShot(page: Page, input: Locator, name: string, dir = screenshotDir) {
  await input.click();
  await input.fill('');
  await input.pressSequentially('boo', { delay: 30 });
  const list = page.getByRole('listbox', { name: 'Suggestions' });
  await list.waitFor();
  await expect
    .poll(() =>
      list.locator('img').evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).complete)),
    )
    .toBe(true);
  const box = await list.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(box && box.x >= 0 && box.x + box.width <= width, `the list inside ${width} px`).toBe(true);
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`) });
}
