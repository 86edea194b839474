import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshot } from '../../../bazaar/e2e/support/browser';

/** Where Atelier's journeys save their screenshots. */
export const shots = join(import.meta.dirname, '..', 'screenshots');

/** Screenshots at desktop width and at 390 px (a phone), then back to desktop. */
export async function shoot(page: Page, name: string): Promise<void> {
  await screenshot(page, name, shots);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `${name}-mobile`, shots);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/**
 * The path of a listing's first piece in stock (the shop's, or `listing`'s), after putting one in the
 * bag from its page.
 */
export async function bagFirstProduct(page: Page, listing = '/products'): Promise<string> {
  await page.goto(listing);
  const inStock = page.getByTestId('product-card').filter({ hasNot: page.locator('.card__badge') });
  const product = (await inStock.locator('a').first().getAttribute('href')) ?? '/';
  await page.goto(product);
  await expect.poll(() => page.getByTestId('stock-state').textContent()).toMatch(/In stock|Only \d+ left/);
  await page.getByRole('button', { name: 'Add to bag' }).click();
  await page.getByTestId('mini-cart-line').first().waitFor();
  return product;
}

/**
 * Where a maker's part of the bag or of an order is not one column: its lines beside its name rather
 * than under it, or narrower than the part (a maker-page rule on `.maker` once drew both as two
 * columns, and a product's name broke after every few letters). Empty when all is in order.
 */
export async function makerPartsOutOfLine(page: Page): Promise<string[]> {
  return page.locator('section.maker').evaluateAll((sections) =>
    sections.flatMap((section) => {
      const name = section.querySelector('.maker__name')?.getBoundingClientRect();
      const line = section.querySelector('.line')?.getBoundingClientRect();
      const width = section.getBoundingClientRect().width;
      if (!name || !line) return [`${section.id || 'a maker part'}: no name or no line`];
      const problems: string[] = [];
      if (line.top < name.bottom - 1)
        problems.push(`a line starts at ${Math.round(line.top)} px, beside the name`);
      if (line.width < width * 0.9)
        problems.push(`a line is ${Math.round(line.width)} of ${Math.round(width)} px`);
      return problems;
    }),
  );
}
