import { createSoukClient } from '@souk/sdk';
import { describe, expect, inject, it } from 'vitest';
// The run's provided values (apiUrl, themeUrls) are declared by the shared global setup.
import type {} from '../../bazaar/e2e/setup';
import { accessProblems, targetAndTextProblems } from '../../bazaar/e2e/support/a11y';
import { expectCategoryBreadcrumbs } from '../../bazaar/e2e/support/breadcrumbs';
import { browserSessions, screenshot } from '../../bazaar/e2e/support/browser';
import { containerWalk, focusRingFits, tabWalkPages } from '../../bazaar/e2e/support/focus';
import {
  amountRows,
  checkoutTotal,
  fillCheckout,
  partTaxes,
  uniqueEmail,
} from '../../bazaar/e2e/support/journeys';
import { checkPages, DESKTOP_AND_PHONE, sidewaysAt320 } from '../../bazaar/e2e/support/layout';
import { expectHelpfulNotFound } from '../../bazaar/e2e/support/not-found';
import { expectEmptyBagSuggestions, expectRelatedProducts } from '../../bazaar/e2e/support/related';
import { createAdmin } from '../../bazaar/e2e/support/souk-admin';
import { bagFirstProduct, makerPartsOutOfLine, shoot, shots } from './support/pages';

const baseURL = inject('themeUrls').atelier ?? '';
const admin = createAdmin(inject('apiUrl'));
// Launches Chromium, closes each journey's sessions and fails it on console errors.
const { session } = browserSessions(baseURL);
// A Tab walk measures every stop of several pages at two widths: about a minute on a busy machine.
const WALK_TIMEOUT_MS = 180_000;

describe.skipIf(!baseURL)('Atelier in Chromium', () => {
  it('browse with the mega-menu, page through a category, search', async () => {
    const { page } = await session();
    await page.goto('/');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Made slowly');
    await shoot(page, 'home');
    // Every picture is a real image or the proxy's placeholder: none is broken, the lazy ones below
    // the first screen included (the screenshot scrolled through the page and waited for them).
    const broken = await page.evaluate(() =>
      [...document.images].filter((i) => i.complete && i.naturalWidth === 0).map((i) => i.currentSrc),
    );
    expect(broken).toEqual([]);

    // By keyboard: Enter opens the menu and Tab goes into it; Escape closes it and gives focus back to
    // "Shop"; tabbing out of the open menu closes it.
    const shop = page.getByRole('button', { name: 'Shop' });
    const menu = page.getByRole('navigation', { name: 'Categories' });
    const focused = (target: typeof menu) => target.evaluate((el) => el.contains(document.activeElement));
    await shop.focus();
    await page.keyboard.press('Enter');
    await menu.waitFor();
    await page.keyboard.press('Tab');
    expect(await focused(menu)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.isHidden()).toBe(true);
    expect(await focused(shop)).toBe(true);
    await page.keyboard.press('Enter');
    await menu.waitFor();
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => menu.isHidden()).toBe(true);

    await shop.click();
    await menu.waitFor();
    await screenshot(page, 'mega-menu', shots);
    await menu.locator('.menu__heading').filter({ hasText: /\w/ }).nth(1).click();
    await page.waitForURL(/\/categories\//);
    await expect.poll(() => menu.isHidden()).toBe(true);
    expect(await page.getByTestId('product-card').count()).toBeGreaterThan(0);

    // A category with subcategories lists them under its heading, itself first and marked ("All …");
    // a subcategory lists its siblings, marks itself, and leads back to its parent.
    const parentName = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
    const neighbours = page.getByRole('navigation', { name: `In ${parentName}` });
    const current = () => neighbours.locator('[aria-current="page"]').textContent();
    expect(await current()).toBe(`All ${parentName}`);
    const subcats = neighbours.getByRole('link');
    expect(await subcats.count()).toBeGreaterThan(1);
    const childName = (await subcats.nth(1).textContent()) ?? '';
    await subcats.nth(1).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(childName);
    expect(await current()).toBe(childName);
    expect(await page.locator('.eyebrow a').textContent()).toBe(parentName);
    await shoot(page, 'category');
    await neighbours.getByRole('link', { name: `All ${parentName}` }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(parentName);

    await page.goto('/products');
    // The sort tabs mark the order shown, the API's default (newest) when the URL names none.
    const sorts = page.getByRole('navigation', { name: 'Sort by' });
    expect(await sorts.locator('[aria-current="true"]').textContent()).toBe('Newest');
    const firstTitle = await page.locator('.card__title').first().textContent();
    await page.getByTestId('next-page').click();
    await page.waitForURL(/cursor=/);
    expect(await page.getByRole('link', { name: 'Page 2' }).getAttribute('aria-current')).toBe('page');
    await shoot(page, 'listing');
    // On a phone the sorts stay on one row that scrolls, rather than wrapping into two rows of tabs.
    await page.setViewportSize({ width: 390, height: 844 });
    const sortRows = await sorts
      .locator('li')
      .evaluateAll((items) => new Set(items.map((i) => Math.round(i.getBoundingClientRect().top))).size);
    expect(sortRows).toBe(1);
    // A scrolling row clips what overflows it: the first sort's focus ring (2px, 3px off) fits inside.
    expect(await focusRingFits(sorts.locator('ul'), 5)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId('previous-page').click();
    await page.waitForURL((url) => !url.search.includes('cursor'));
    expect(await page.locator('.card__title').first().textContent()).toBe(firstTitle);

    await page.getByRole('searchbox', { name: 'Search the shop' }).first().fill('linen');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/products\?q=linen/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('“linen”');
    expect(await sorts.locator('[aria-current="true"]').textContent()).toBe('Best match');
    expect(await page.getByTestId('product-card').count()).toBeGreaterThan(0);
    // The header's box keeps the words, to change them (it fills itself in once the page hydrates).
    await expect.poll(() => page.locator('#header-search').inputValue()).toBe('linen');
    await shoot(page, 'search');

    // A search that finds nothing says so, with the word searched for. A phone's header has no search
    // box, so the page has one, holding the words.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/products?q=qwxzv');
    expect(await page.getByTestId('no-results').textContent()).toContain('Nothing matches “qwxzv”');
    const again = page.getByRole('searchbox', { name: 'Change your search' });
    expect(await again.isVisible()).toBe(true);
    expect(await again.inputValue()).toBe('qwxzv');
    await again.fill('linen');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/products\?q=linen$/);
    expect(await page.getByTestId('product-card').count()).toBeGreaterThan(0);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await again.isVisible()).toBe(false);
  });

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

  it('filters a category by maker and price: counted, kept with the order, cleared', async () => {
    const { page } = await session();
    await page.goto('/categories/apparel?sort=price_asc');
    const toggle = page.getByTestId('refine').locator('summary');
    expect(await toggle.textContent()).toBe('Filter');
    await toggle.click();
    const form = page.getByRole('form', { name: 'Filter pieces' });
    const maker = form.getByLabel('Maker');
    const makerName = (await maker.locator('option').nth(1).textContent()) ?? '';
    await maker.selectOption({ index: 1 });
    await form.getByLabel('Highest price').fill('100');
    await shoot(page, 'filter');
    await form.getByRole('button', { name: 'Show pieces' }).click();
    await page.waitForURL(/max=100/);
    const url = new URL(page.url());
    expect(url.pathname).toBe('/categories/apparel');
    expect(url.searchParams.get('sort')).toBe('price_asc');
    expect(url.searchParams.get('seller')).toBeTruthy();
    // The form sent the blank "From" too; a redirect drops it from the address a shopper shares.
    expect([...url.searchParams.keys()].sort()).toEqual(['max', 'seller', 'sort']);
    // Every piece shown is the maker's, at 100 or less, and the order asked for still holds.
    const cards = page.getByTestId('product-card');
    expect(await cards.count()).toBeGreaterThan(0);
    expect(new Set(await cards.locator('.card__seller').allTextContents())).toEqual(new Set([makerName]));
    const prices = (await cards.locator('.card__price').allTextContents()).map((t) =>
      Number(t.replace(/[^0-9.]/g, '')),
    );
    for (const price of prices) expect(price).toBeLessThanOrEqual(100);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    expect(await page.getByRole('link', { name: 'Price: low to high' }).getAttribute('aria-current')).toBe(
      'true',
    );
    expect((await toggle.textContent())?.replace(/\s+/g, ' ')).toBe('Filter2 set');
    // Nothing under the lowest price: the page says so and offers to clear the filters.
    await page.goto('/categories/apparel?max=0.01&sort=price_asc');
    expect(await page.getByTestId('no-results').textContent()).toContain('No pieces match these filters.');
    await page.getByRole('link', { name: 'Clear them' }).click();
    await page.waitForURL((u) => !u.search.includes('max'));
    expect(new URL(page.url()).search).toBe('?sort=price_asc');
    expect(await cards.count()).toBeGreaterThan(0);
  });

  it('filters without JavaScript: the panel is a plain form, its answer a page of its own', async () => {
    const { page } = await session({ javaScriptEnabled: false });
    await page.goto('/categories/apparel');
    await page.getByTestId('refine').locator('summary').click();
    const form = page.getByRole('form', { name: 'Filter pieces' });
    await form.getByLabel('Highest price').fill('60');
    await form.getByRole('button', { name: 'Show pieces' }).click();
    await page.waitForURL(/max=60/);
    // The blank maker and "From" the form sent are gone from the address (the server redirected).
    expect(new URL(page.url()).search).toBe('?max=60');
    const prices = await page.getByTestId('product-card').locator('.card__price').allTextContents();
    expect(prices.length).toBeGreaterThan(0);
    for (const price of prices) expect(Number(price.replace(/[^0-9.]/g, ''))).toBeLessThanOrEqual(60);
    expect((await page.getByTestId('refine').locator('summary').textContent())?.replace(/\s+/g, ' ')).toBe(
      'Filter1 set',
    );
  });

  it("names a product's whole category trail, in the breadcrumb and as BreadcrumbList data", async () => {
    await expectCategoryBreadcrumbs(baseURL, { name: 'Shop', path: '/products' });
  });

  it('recommends other products to buy now under a product, from its category first', async () => {
    await expectRelatedProducts(baseURL, inject('apiUrl'));
  });

  it('offers the newest products to buy on an empty bag', async () => {
    await expectEmptyBagSuggestions(baseURL, inject('apiUrl'));
  });

  it('answers a missing page or product with 404 and a way on', async () => {
    await expectHelpfulNotFound(baseURL, { search: true });
  });

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

  it('quick view + product page → two makers in the mini-cart → bag → checkout → confirmation', async () => {
    const { page } = await session();
    // Maker 1, from the listing's quick view.
    await page.goto('/products?seller=atlas-outfitters');
    const card = page
      .getByTestId('product-card')
      .filter({ has: page.locator('.card__quick') })
      .first();
    await card.hover();
    await card.getByRole('button', { name: /Quick view/ }).click();
    await page.locator('dialog.quick[open]').waitFor();
    // The picker is read and loaded when the dialog opens.
    const addFromQuickView = page.locator('dialog.quick[open]').getByRole('button', { name: 'Add to bag' });
    await addFromQuickView.waitFor();
    await screenshot(page, 'quick-view', shots);
    await addFromQuickView.click();
    const drawer = page.locator('dialog.drawer[open]');
    await drawer.waitFor();
    await expect.poll(() => drawer.getByTestId('mini-cart-line').count()).toBe(1);
    await drawer.getByRole('button', { name: 'Close' }).click();

    // Maker 2, from a product page.
    await page.goto('/makers/nordic-home');
    const product = page
      .getByTestId('product-card')
      .filter({ hasNot: page.locator('.card__badge') })
      .first();
    await product.locator('a.card__link').click();
    await page.waitForURL(/\/products\/[^/?]+$/);
    expect(await page.getByTestId('seller-link').textContent()).toBe('Nordic Home');
    await expect.poll(() => page.getByTestId('stock-state').textContent()).toMatch(/In stock|Only \d+ left/);
    await shoot(page, 'product');
    await page.getByRole('button', { name: 'Add to bag' }).click();
    await drawer.waitFor();
    await expect.poll(() => drawer.getByTestId('mini-cart-line').count()).toBe(2);
    // Thumbnails in the drawer: sized images, never broken.
    expect(await drawer.locator('img.thumb').count()).toBe(2);
    await screenshot(page, 'mini-cart', shots);
    await drawer.getByRole('link', { name: 'View bag' }).click();

    await page.waitForURL(/\/cart$/);
    expect(await page.locator('.maker__name').allTextContents()).toEqual([
      'From Atlas Outfitters',
      'From Nordic Home',
    ]);
    const totals = page.getByTestId('cart-totals');
    const before = await totals.textContent();
    await page
      .getByRole('button', { name: /^One more/ })
      .first()
      .click();
    await expect.poll(() => totals.textContent()).not.toBe(before);
    expect(await page.getByTestId('line-quantity').first().textContent()).toBe('2');
    expect(await makerPartsOutOfLine(page)).toEqual([]);
    await shoot(page, 'cart');

    await page.getByRole('link', { name: 'Checkout' }).click();
    await page.waitForURL(/\/checkout$/);
    const email = uniqueEmail('atelier');
    expect((await amountRows(page.getByTestId('checkout-totals'))).has('Total before tax')).toBe(true);
    await fillCheckout(page, { email });
    // The tax of the typed address and the total with it, before the order is placed.
    const total = await checkoutTotal(page);
    // The summary is parted by maker, as the bag is; each part names its own tax, and the parts add
    // up to the order's.
    expect(await page.locator('.summary__maker-name').allTextContents()).toEqual([
      'From Atlas Outfitters',
      'From Nordic Home',
    ]);
    const taxes = await partTaxes(page, '.summary__maker');
    expect(taxes.parts).toHaveLength(2);
    expect(taxes.parts.reduce((sum, tax) => sum + tax, 0)).toBe(taxes.order);
    await shoot(page, 'checkout');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL(/\/orders\/ord_/);
    expect(await page.getByTestId('seller-order').count()).toBe(2);
    expect(await page.getByTestId('confirmation').textContent()).toContain(total);
    // Thumbnails here as in the bag: every line of the two seller orders shows its product's picture.
    const lines = page.getByTestId('order-line');
    expect(await lines.count()).toBe(2);
    expect(await lines.locator('img.thumb').count()).toBe(2);
    // The address names its country as the shopper chose it, not by its code.
    expect(await page.locator('address').first().textContent()).toMatch(/Germany$/);
    expect(await makerPartsOutOfLine(page)).toEqual([]);
    await shoot(page, 'confirmation');
    // Long order ids and an email address: by keyboard, at 320 px and by finger.
    expect(await accessProblems(page, [new URL(page.url()).pathname])).toEqual([]);

    // While the confirmation is open, each maker's status follows the order's room: ships, shows.
    await page.mouse.move(20, 20);
    const statuses = page.getByTestId('seller-order-status');
    await page
      .locator('[data-testid="seller-order-status"][data-live="on"]')
      .nth(1)
      .waitFor({ timeout: 30_000 });
    await admin.shipEveryPart(new URL(page.url()).pathname.split('/').pop() ?? '');
    await expect.poll(() => statuses.allTextContents(), { timeout: 15_000 }).toEqual(['Shipped', 'Shipped']);
    expect(await page.getByTestId('tracking').first().textContent()).toMatch(/^DHL E2E-so_/);
    await screenshot(page, 'confirmation-shipped', shots);

    const orders = await admin.ordersFor(email);
    expect(orders).toHaveLength(1);
    expect(orders[0]?.seller_orders.map((so) => so.seller_name).sort()).toEqual([
      'Atlas Outfitters',
      'Nordic Home',
    ]);
  });
});
