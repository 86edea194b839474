import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type {} from '../bazaar/e2e/setup';
import { browserSessions } from '../bazaar/e2e/support/browser';

/**
 * Both themes while the API's document store is down (the real-services run: FerretDB, stopped and
 * started again with scripts/services). Sellers' own pages live there; the themes show the seller and
 * their pieces without it, with no error page and no console error, and the page is back once the
 * store is. The first visit of each page is at least the API catalog cache's 2 s before the outage,
 * so what the outage shows is read during it.
 */
const real = Boolean(process.env.MONGO_URL);
const bazaar = browserSessions(inject('storefrontUrl'));
const atelier = browserSessions(inject('themeUrls').atelier ?? '');

const mongo = (verb: 'up' | 'down') =>
  promisify(execFile)('bash', [join(import.meta.dirname, '../../scripts/services'), verb, 'mongo'], {
    timeout: 300_000,
  });

/** What a seller's page shows: its heading, how many pieces, and whether the seller's own page is in it. */
async function sellerPage(page: Page, path: string, about: string) {
  const res = await page.goto(path);
  return {
    status: res?.status(),
    heading: (await page.getByRole('heading', { level: 1 }).textContent())?.trim(),
    pieces: (await page.getByTestId('product-card').count()) > 0,
    about: await page.getByTestId(about).count(),
  };
}

describe.skipIf(!real || !inject('themeUrls').atelier)('the document store down (FerretDB stopped)', () => {
  it('both themes’ seller pages show the seller and their pieces without their own page, and get it back', async () => {
    const pages = [
      { page: (await bazaar.session()).page, path: '/sellers/atlas-outfitters', about: 'seller-about' },
      { page: (await atelier.session()).page, path: '/makers/atlas-outfitters', about: 'maker-about' },
    ];
    /** Each theme's seller page answers, with the seller and their pieces, and its own page `about` times. */
    const eachShows = async (about: number) => {
      for (const p of pages) {
        const shown = await sellerPage(p.page, p.path, p.about);
        expect(shown).toMatchObject({ status: 200, pieces: true, about });
        expect(shown.heading).toContain('Atlas Outfitters');
      }
    };
    await eachShows(1);
    try {
      await mongo('down');
      await eachShows(0);
    } finally {
      await mongo('up');
    }
    await eachShows(1);
  });
});
