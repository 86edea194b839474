import { createSoukClient } from '@souk/sdk';
import { expect } from 'vitest';

/** The product handles a page's "You may also like" row links to (`data-testid="related"`). */
function relatedHandles(html: string): string[] {
  const section = html.match(/<section[^>]*data-testid="related"[^>]*>(.*?)<\/section>/s)?.[1] ?? '';
  return [...new Set([...section.matchAll(/href="\/products\/([^"?/#]+)"/g)].map((m) => m[1] ?? ''))];
}

/**
 * A Cookware product's page, as served (no JavaScript), recommends up to four other products a shopper
 * can buy now in the page's currency, from its category first: Cookware's own when it has one, then
 * the rest of Home (its top category) or its seller's. Each is checked through the API, not the page.
 */
export async function expectRelatedProducts(baseURL: string, apiUrl: string) {
  const souk = createSoukClient({ baseUrl: apiUrl, apiKey: 'pk_demo_storefront' });
  const category = await (await fetch(`${baseURL}/categories/cookware`)).text();
  const handle = category.match(/href="\/products\/([^"?/]+)"/)?.[1] ?? '';
  const page = await (await fetch(`${baseURL}/products/${handle}`)).text();
  const related = relatedHandles(page);
  expect(related.length).toBeGreaterThan(0);
  expect(related.length).toBeLessThanOrEqual(4);
  expect(related).not.toContain(handle);
  expect(page).toMatch(/<a href="\/categories\/cookware"[^>]*>More in Cookware<\/a>/);

  const product = await souk.store.products.get(handle, { currency: 'USD' });
  const { data: tree } = await souk.store.categories.list();
  const topOf = (h: string | undefined) => tree.find((c) => c.handle === h)?.path[0];
  const picked = await Promise.all(related.map((h) => souk.store.products.get(h, { currency: 'USD' })));
  for (const p of picked) {
    expect(p.price_range, `${p.handle} is priced in USD`).not.toBeNull();
    expect(
      p.variants.some((v) => v.available_quantity > 0),
      `${p.handle} is in stock`,
    ).toBe(true);
    const sameTree = topOf(p.category?.handle) === 'home';
    expect(
      sameTree || p.seller.id === product.seller.id,
      `${p.handle} is a Home product or the seller's`,
    ).toBe(true);
  }
  // Cookware holds other pieces in stock in the demo catalog, so the first card is one of them.
  expect(picked[0]?.category?.handle).toBe('cookware');
}

/**
 * A page with nothing of its own to show, as served: an empty bag (no cart cookie, `marker`
 * `data-testid="cart-empty"`) or a search that found nothing (`data-testid="no-results"`). Besides
 * saying so, it offers up to four of the newest products a shopper can buy now, so it is not a dead end.
 */
export async function expectNewestSuggestions(baseURL: string, apiUrl: string, path: string, marker: string) {
  const souk = createSoukClient({ baseUrl: apiUrl, apiKey: 'pk_demo_storefront' });
  const page = await (await fetch(`${baseURL}${path}`)).text();
  expect(page).toContain(marker);
  const shown = relatedHandles(page);
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.length).toBeLessThanOrEqual(4);
  const newest = (await souk.store.products.list({ sort: 'newest', currency: 'USD', limit: 20 })).data;
  expect(newest.map((p) => p.handle)).toContain(shown[0]);
  for (const handle of shown) {
    const p = await souk.store.products.get(handle, { currency: 'USD' });
    expect(p.price_range, `${handle} is priced in USD`).not.toBeNull();
  }
}

/** An empty bag and a search for a word no product has both offer the newest products to buy. */
export async function expectDeadEndSuggestions(baseURL: string, apiUrl: string) {
  await expectNewestSuggestions(baseURL, apiUrl, '/cart', 'data-testid="cart-empty"');
  await expectNewestSuggestions(baseURL, apiUrl, '/products?q=qqzzxx', 'data-testid="no-results"');
  // A filtered listing with nothing in it offers to clear the filters instead.
  const filtered = await (await fetch(`${baseURL}/products?q=qqzzxx&max=1`)).text();
  expect(filtered).toContain('data-testid="no-results"');
  expect(relatedHandles(filtered)).toEqual([]);
}
