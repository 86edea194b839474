import { createSoukClient } from '@souk/sdk';
import { describe, expect, inject, it } from 'vitest';
import { browserSessions, screenshot } from './support/browser';
import { acknowledgedDeliveries, newlyAcknowledged, reloadUntil } from './support/content';

const baseURL = inject('storefrontUrl');
const admin = createSoukClient({ baseUrl: inject('apiUrl'), apiKey: 'sk_demo_operator' }).admin;
const operator = admin.content;
const webhook = inject('themeWebhooks').bazaar;
// Launches Chromium, closes each journey's sessions and fails it on console errors.
const { session } = browserSessions(baseURL);

describe.skipIf(!baseURL)('home page and navigation from content', () => {
  it('shows the seeded sections, keeps a draft away, and shows the edit once it is published', {
    timeout: 180_000,
  }, async () => {
    const { page } = await session();
    await page.goto('/');
    // The demo's published content: hero, banner and main navigation.
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Independent sellers');
    expect(await page.getByTestId('home-banner').getByRole('heading').textContent()).toBe(
      'Out for the weekend',
    );
    const nav = page.getByTestId('main-nav');
    expect(await nav.getByRole('link', { name: 'Outdoor' }).count()).toBe(1);
    await screenshot(page, 'home-content');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'home-content-mobile');
    await page.setViewportSize({ width: 1280, height: 900 });

    const home = (await operator.get('bazaar', 'home', 'main')).published;
    const menu = (await operator.get('bazaar', 'navigation', 'main')).published;
    if (!home || !('sections' in home) || !menu || !('items' in menu))
      throw new Error('seeded content missing');
    try {
      const winter = {
        sections: [
          {
            type: 'hero' as const,
            title: 'The winter market is open',
            text: 'Forty makers, one cart.',
            href: '/products',
          },
          ...home.sections.filter((section) => section.type !== 'hero'),
        ],
      };
      await operator.saveDraft('bazaar', 'home', 'main', { data: winter });
      await operator.saveDraft('bazaar', 'navigation', 'main', {
        data: { items: [{ label: 'Winter market', href: '/categories/apparel' }, ...menu.items] },
      });
      await page.reload();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Independent sellers');
      expect(await nav.getByRole('link', { name: 'Winter market' }).count()).toBe(0);

      if (!webhook) throw new Error('Bazaar has no content webhook endpoint');
      const before = await acknowledgedDeliveries(admin, webhook, 'content.published');
      await operator.publish('bazaar', 'home', 'main');
      await operator.publish('bazaar', 'navigation', 'main');
      // The home page is static per currency (ISR, 60 s), but the signed content.published webhook
      // regenerates it at once (the kit's revalidation route, /webhooks/souk).
      await reloadUntil(
        page,
        () => page.getByRole('heading', { level: 1 }).textContent(),
        'The winter market is open',
      );
      // Both publishes were delivered and acknowledged by the theme (a 2xx after the signature check).
      await expect
        .poll(() => newlyAcknowledged(admin, webhook, 'content.published', before))
        .toBeGreaterThanOrEqual(2);
      await nav.getByRole('link', { name: 'Winter market' }).click();
      await page.waitForURL(/\/categories\/apparel$/);
      await page.goto('/');
      await screenshot(page, 'home-content-published');
    } finally {
      // Back to the seeded content for the other journeys.
      await operator.saveDraft('bazaar', 'home', 'main', { data: home });
      await operator.publish('bazaar', 'home', 'main');
      await operator.saveDraft('bazaar', 'navigation', 'main', { data: menu });
      await operator.publish('bazaar', 'navigation', 'main');
    }
  });
});
