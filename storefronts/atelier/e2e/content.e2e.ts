import { join } from 'node:path';
import { createSoukClient } from '@souk/sdk';
import { describe, expect, inject, it } from 'vitest';
// The run's provided values (apiUrl, themeUrls, themeWebhooks) are declared by the shared global setup.
import type {} from '../../bazaar/e2e/setup';
import { browserSessions, screenshot } from '../../bazaar/e2e/support/browser';
import { acknowledgedDeliveries, newlyAcknowledged, reloadUntil } from '../../bazaar/e2e/support/content';

const baseURL = inject('themeUrls').atelier ?? '';
const admin = createSoukClient({ baseUrl: inject('apiUrl'), apiKey: 'sk_demo_operator' }).admin;
const operator = admin.content;
const webhook = inject('themeWebhooks').atelier;
const shots = join(import.meta.dirname, 'screenshots');
/** The demo's published hero title (api/src/seed/demo-content-atelier.ts). */
const SEEDED_HERO = 'Made slowly, by hand, by people you can name.';
// Launches Chromium, closes each journey's sessions and fails it on console errors.
const { session } = browserSessions(baseURL);

describe.skipIf(!baseURL)('Atelier home page from content', () => {
  it('keeps a draft away and shows a published hero within 30 s (the content webhook)', {
    timeout: 180_000,
  }, async () => {
    const { page } = await session();
    const hero = page.getByRole('heading', { level: 1 });
    await page.goto('/');
    expect(await hero.textContent()).toBe(SEEDED_HERO);

    const home = (await operator.get('atelier', 'home', 'main')).published;
    if (!home || !('sections' in home)) throw new Error('seeded Atelier home missing');
    if (!webhook) throw new Error('Atelier has no content webhook endpoint');
    const before = await acknowledgedDeliveries(admin, webhook, 'content.published');
    try {
      // The seeded hero with a new title: same picture, same link.
      const sections = home.sections.map((section) =>
        section.type === 'hero' ? { ...section, title: 'The winter edit is here' } : section,
      );
      await operator.saveDraft('atelier', 'home', 'main', { data: { sections } });
      await page.reload();
      expect(await hero.textContent()).toBe(SEEDED_HERO);

      await operator.publish('atelier', 'home', 'main');
      // The home page is static per currency (ISR, 60 s); the signed content.published webhook
      // regenerates it at once through the kit's revalidation route (/webhooks/souk).
      await reloadUntil(page, () => hero.textContent(), 'The winter edit is here');
      // The publish was delivered to Atelier's endpoint and acknowledged (a 2xx after the signature check).
      await expect
        .poll(() => newlyAcknowledged(admin, webhook, 'content.published', before))
        .toBeGreaterThan(0);
      await screenshot(page, 'home-published', shots);
      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, 'home-published-mobile', shots);
    } finally {
      // Back to the seeded content for the other journeys.
      await operator.saveDraft('atelier', 'home', 'main', { data: home });
      await operator.publish('atelier', 'home', 'main');
      // The next journey expects the seeded hero: wait for that publish's revalidation too.
      await reloadUntil(page, () => hero.textContent(), SEEDED_HERO);
    }
  });
});
