import { createSoukClient } from '@souk/sdk';
import { describe, expect, inject, it } from 'vitest';
// The run's provided values (apiUrl, themeUrls) are declared by the shared global setup.
import type {} from '../../bazaar/e2e/setup';
import { accessProblems } from '../../bazaar/e2e/support/a11y';
import { browserSessions } from '../../bazaar/e2e/support/browser';
import { createAdmin } from '../../bazaar/e2e/support/souk-admin';
import { shoot } from './support/pages';

const baseURL = inject('themeUrls').atelier ?? '';
const admin = createAdmin(inject('apiUrl'));
// Launches Chromium, closes each journey's sessions and fails it on console errors.
const { session } = browserSessions(baseURL);

describe.skipIf(!baseURL)("Atelier in Chromium: makers' pages and reviews", () => {
  it("a maker's page: their story and policies over their pieces, from a product page and from the shop's seller filter", async () => {
    const { page } = await session();
    await page.goto('/products');
    await page.locator('[data-testid="product-card"] a.card__link').first().click();
    await page.waitForURL(/\/products\/[^/?]+$/);
    const maker = (await page.getByTestId('seller-link').textContent()) ?? '';
    await page.getByTestId('seller-link').click();
    await page.waitForURL(/\/makers\/[a-z0-9-]+$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(maker);
    const about = page.getByRole('region', { name: `About ${maker}` });
    // The demo makers' stories are Markdown: paragraphs and emphasis drawn, no asterisk left showing.
    expect(await about.locator('.about__story p').count()).toBe(2);
    expect(await about.locator('.about__story').textContent()).not.toContain('*');
    expect(await about.locator('dt').allTextContents()).toContain('Returns');
    const sellers = await page.locator('.card__seller').allTextContents();
    expect(sellers.length).toBeGreaterThan(0);
    expect(new Set(sellers)).toEqual(new Set([maker]));
    await shoot(page, 'maker');
    // Every maker is in the menu's last column.
    await page.getByRole('button', { name: 'Shop' }).click();
    const menu = page.getByRole('navigation', { name: 'Categories' });
    await menu.waitFor();
    const makers = menu
      .locator('.menu__column')
      .filter({ has: page.locator('p.menu__heading', { hasText: 'Makers' }) });
    expect(await makers.getByRole('link').allTextContents()).toEqual([
      'Atlas Outfitters',
      'Nordic Home',
      'Pixel Forge',
    ]);
    await makers.getByRole('link', { name: 'Nordic Home' }).click();
    await page.waitForURL(/\/makers\/nordic-home$/);
    // The listing's seller filter lands on the maker's page, its sort kept.
    await page.goto('/products?seller=nordic-home&sort=price_asc');
    await page.waitForURL(/\/makers\/nordic-home\?sort=price_asc$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Nordic Home');
    expect(await page.locator('.sorts [aria-current="true"]').textContent()).toBe('Price: low to high');
    // The shop's filter panel picks a maker the same way: to the maker's page, the price and the order
    // kept (the empty "From" dropped); there the panel offers the price alone.
    await page.goto('/products?sort=price_asc');
    const refine = page.getByTestId('refine').locator('summary');
    await refine.click();
    const filters = page.getByRole('form', { name: 'Filter pieces' });
    await filters.getByLabel('Maker').selectOption('pixel-forge');
    await filters.getByLabel('Highest price').fill('200');
    await filters.getByRole('button', { name: 'Show pieces' }).click();
    await page.waitForURL(/\/makers\/pixel-forge\?/);
    expect(new URL(page.url()).search).toBe('?max=200&sort=price_asc');
    await refine.click();
    expect(await filters.getByLabel('Maker').count()).toBe(0);
    expect(await filters.getByLabel('Highest price').inputValue()).toBe('200');
    // A handle no active maker has is the theme's not-found page; every active maker is in the sitemap.
    expect((await fetch(`${baseURL}/makers/no-such-maker`)).status).toBe(404);
    const sitemap = await (await fetch(`${baseURL}/sitemap.xml`)).text();
    for (const handle of ['atlas-outfitters', 'nordic-home', 'pixel-forge']) {
      expect(sitemap).toContain(`${baseURL}/makers/${handle}</loc>`);
    }
    expect(sitemap).not.toContain('/makers/shady-deals');
    expect(await accessProblems(page, ['/makers/nordic-home'])).toEqual([]);
  });

  it('reviews on a product page: the rating under the title, each review with its stars, words and the buyer', async () => {
    // A piece no other journey opens, so its page is first rendered after the review (pages are static
    // for 60 s): one of Atlas Outfitters' dearest, bought and reviewed through the API as a guest would.
    const souk = createSoukClient({ baseUrl: inject('apiUrl'), apiKey: 'pk_demo_storefront' });
    const { data } = await souk.store.products.list({
      seller: 'atlas-outfitters',
      sort: 'price_desc',
      currency: 'USD',
      limit: 12,
    });
    const product = data
      .slice(4)
      .find((p) => p.variants.some((v) => v.price !== null && v.available_quantity > 0));
    const variant = product?.variants.find((v) => v.price !== null && v.available_quantity > 0);
    if (!product || !variant) throw new Error('no buyable Atlas Outfitters piece to review');
    await admin.reviewAtlasVariant(variant.id, {
      rating: 4,
      title: 'Sturdy, and quieter than it looks',
      body: 'Three weeks of daily use and not a loose stitch.',
      author_name: 'Ada R.',
    });

    const { page } = await session();
    await page.goto(`/products/${product.handle}`);
    const rating = page.locator('.pdp__info [data-testid="rating"]');
    expect(await rating.getAttribute('data-count')).toBe(String(product.rating.count + 1));
    expect(await rating.getByRole('link').getAttribute('href')).toBe('#reviews');
    const review = page.getByTestId('review').filter({ hasText: 'Sturdy, and quieter than it looks' });
    expect(await review.count()).toBe(1);
    expect(await review.getByRole('img').getAttribute('aria-label')).toBe('Rated 4 out of 5');
    expect(await review.textContent()).toContain('Ada R.');
    expect(await review.textContent()).toContain('Verified purchase');
    // The maker's own policies, from their page, in "Shipping and returns".
    expect(await page.locator('.pdp__details').textContent()).toContain(
      'Unworn pieces come back within 30 days',
    );
    expect(await accessProblems(page, [new URL(page.url()).pathname])).toEqual([]);
    await page.getByTestId('reviews').scrollIntoViewIfNeeded();
    await shoot(page, 'product-reviews');
  });
});
