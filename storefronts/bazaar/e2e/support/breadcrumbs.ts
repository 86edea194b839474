import { expect } from 'vitest';

type ListItem = { '@type': string; position: number; name: string; item: string };

/** The schema.org BreadcrumbList a page's HTML carries, or undefined. */
function breadcrumbList(html: string): ListItem[] | undefined {
  for (const [, json] of html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)) {
    const data = JSON.parse(json ?? 'null');
    if (data?.['@type'] === 'BreadcrumbList') return data.itemListElement;
  }
  return undefined;
}

/** The links of a page's visible breadcrumb (`nav[aria-label=Breadcrumb]`), as [text, href]. */
function visibleCrumbs(html: string): [string, string][] {
  const nav = html.match(/<nav aria-label="Breadcrumb"[^>]*>(.*?)<\/nav>/s)?.[1] ?? '';
  return [...nav.matchAll(/<a href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((m) => [m[2] ?? '', m[1] ?? '']);
}

/**
 * A product of a third-level category (Home › Kitchen › Cookware) and that category's page, as
 * served (no JavaScript): the visible breadcrumb links every ancestor, and the BreadcrumbList names
 * the same steps with absolute URLs, numbered from 1, the product (or the category) last.
 */
export async function expectCategoryBreadcrumbs(baseURL: string, root: { name: string; path: string }) {
  const steps = [root, ...['home', 'kitchen', 'cookware'].map((h) => ({ path: `/categories/${h}` }))];
  const category = await (await fetch(`${baseURL}/categories/cookware`)).text();
  const listed = breadcrumbList(category);
  expect(listed?.map((i) => i.item)).toEqual(steps.map((s) => `${baseURL}${s.path}`));
  expect(listed?.map((i) => i.name)).toEqual([root.name, 'Home', 'Kitchen', 'Cookware']);
  expect(listed?.map((i) => i.position)).toEqual([1, 2, 3, 4]);

  const handle = category.match(/href="\/products\/([^"?/]+)"/)?.[1];
  expect(handle).toBeTruthy();
  const product = await (await fetch(`${baseURL}/products/${handle}`)).text();
  const items = breadcrumbList(product);
  expect(items?.map((i) => i.name).slice(0, 4)).toEqual([root.name, 'Home', 'Kitchen', 'Cookware']);
  expect(items?.at(-1)?.item).toBe(`${baseURL}/products/${handle}`);
  expect(items).toHaveLength(5);
  expect(visibleCrumbs(product)).toEqual([
    [root.name, root.path],
    ['Home', '/categories/home'],
    ['Kitchen', '/categories/kitchen'],
    ['Cookware', '/categories/cookware'],
  ]);
}
