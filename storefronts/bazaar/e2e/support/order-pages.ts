/**
 * A signed-in shopper's long order history on a theme's `/account` page (the kit's `loadAccount`
 * paging): orders placed through the API, then paged through in the browser.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { accessProblems } from './a11y';
import { createAdmin } from './souk-admin';

/** A Pixel Forge variant with at least `stock` units for sale in USD (away from the other journeys). */
async function pixelForgeVariant(apiUrl: string, stock: number): Promise<string> {
  const res = await fetch(`${apiUrl}/store/products?seller=pixel-forge&limit=50&currency=USD`, {
    headers: { 'x-api-key': 'pk_demo_storefront' },
  });
  type Listed = { variants: { id: string; available_quantity: number; price: unknown }[] };
  const { data } = (await res.json()) as { data: Listed[] };
  const variant = data
    .flatMap((p) => p.variants)
    .find((v) => v.available_quantity >= stock && v.price !== null);
  if (!variant) throw new Error(`no Pixel Forge variant with ${stock} units`);
  return variant.id;
}

/** The ids of the orders the account page lists, top to bottom. */
const listedOrders = (page: Page) =>
  page
    .getByTestId('account-order-link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')?.split('/').pop() ?? ''));

/**
 * On `page`, signed in to a new account (session cookie `sessionCookie`) on its `/account` page:
 * places one order more than `perPage` and checks the account lists them newest first, `perPage` a
 * page, with "Older orders →" and "← Latest orders" between the pages, and that a cursor the API
 * refuses shows the latest orders instead of an error. Returns when back on the first page.
 */
export async function pageThroughOrders(
  page: Page,
  { apiUrl, sessionCookie, perPage }: { apiUrl: string; sessionCookie: string; perPage: number },
): Promise<void> {
  const pages = page.getByTestId('order-pages');
  // A new account has one page and no paging.
  expect(await pages.count()).toBe(0);
  const token = (await page.context().cookies()).find((c) => c.name === sessionCookie)?.value ?? '';
  const variant = await pixelForgeVariant(apiUrl, perPage + 1);
  const placed = await createAdmin(apiUrl).placeOrdersAs(token, variant, perPage + 1);
  const newestFirst = [...placed].reverse();

  await page.reload();
  expect(await listedOrders(page)).toEqual(newestFirst.slice(0, perPage));
  expect(await pages.getByRole('link').allTextContents()).toEqual(['Older orders →']);

  await pages.getByRole('link', { name: 'Older orders →' }).click();
  await page.waitForURL(/\/account\?orders=/);
  expect(await listedOrders(page)).toEqual(newestFirst.slice(perPage));
  expect(await pages.getByRole('link').allTextContents()).toEqual(['← Latest orders']);
  const older = new URL(page.url());
  expect(await accessProblems(page, [`${older.pathname}${older.search}`])).toEqual([]);

  // An edited or stale cursor is not an error page: the latest orders, with the way on.
  await page.goto('/account?orders=not-a-cursor');
  expect(await listedOrders(page)).toEqual(newestFirst.slice(0, perPage));

  await page.goto(older.toString());
  await pages.getByRole('link', { name: '← Latest orders' }).click();
  await page.waitForURL(/\/account$/);
  expect(await listedOrders(page)).toEqual(newestFirst.slice(0, perPage));
  expect(await pages.getByRole('link').allTextContents()).toEqual(['Older orders →']);
}
