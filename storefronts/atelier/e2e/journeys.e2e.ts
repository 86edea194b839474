import { describe, expect, inject, it } from 'vitest';
// The run's provided values (apiUrl, themeUrls) are declared by the shared global setup.
import type {} from '../../bazaar/e2e/setup';
import { accessProblems } from '../../bazaar/e2e/support/a11y';
import { expectCategoryBreadcrumbs } from '../../bazaar/e2e/support/breadcrumbs';
import { browserSessions, screenshot } from '../../bazaar/e2e/support/browser';
import { focusRingFits } from '../../bazaar/e2e/support/focus';
import {
  amountRows,
  checkoutTotal,
  fillCheckout,
  partTaxes,
  uniqueEmail,
} from '../../bazaar/e2e/support/journeys';
import { expectHelpfulNotFound } from '../../bazaar/e2e/support/not-found';
import { expectDeadEndSuggestions, expectRelatedProducts } from '../../bazaar/e2e/support/related';
import { createAdmin } from '../../bazaar/e2e/support/souk-admin';
import { makerPartsOutOfLine, shoot, shots } from './support/pages';

const baseURL = inject('themeUrls').atelier ?? '';
const admin = createAdmin(inject('apiUrl'));
// Launches Chromium, closes each journey's sessions and fails it on console errors.
const { session } = browserSessions(baseURL);

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

    await page.getByRole('combobox', { name: 'Search the shop' }).first().fill('linen');
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

  it('offers the newest products to buy on an empty bag and after a search that found nothing', async () => {
    await expectDeadEndSuggestions(baseURL, inject('apiUrl'));
  });

  it('answers a missing page or product with 404 and a way on', async () => {
    await expectHelpfulNotFound(baseURL, {
      search: true,
      dynamicRoutes: ['/products', '/categories', '/makers', '/orders'],
    });
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
