import { describe, inject, it } from 'vitest';
import { browserSessions } from './support/browser';
import { expectSearchSuggestions, suggestionsShot } from './support/suggestions';

const baseURL = inject('storefrontUrl');
const apiUrl = inject('apiUrl');
// Launches Chromium, closes each journey's sessions and fails it on console errors.
const { session } = browserSessions(baseURL);

describe.skipIf(!baseURL)('search suggestions in Chromium', () => {
  it('suggests products while typing: arrow keys, Escape, Enter to a product or to every result; on a phone too', async () => {
    const { page } = await session();
    await page.goto('/');
    await expectSearchSuggestions(page, page.locator('#site-search'), apiUrl);
    await page.goto('/');
    await suggestionsShot(page, page.locator('#site-search'), 'search-suggestions');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await suggestionsShot(page, page.locator('#site-search'), 'search-suggestions-mobile');
  });
});
