import type { Category } from '@souk/sdk';

/** One step of a breadcrumb trail: what it is called and where it leads (a path on the site). */
export interface Crumb {
  name: string;
  path: string;
}

/**
 * A category and its ancestors, from the top down (its `path` of handles), as a breadcrumb shows
 * them: a product in Cookware reads Home › Kitchen › Cookware, not Cookware alone. Empty when no
 * category has the handle; an ancestor missing from `categories` is left out.
 */
export function categoryTrail<C extends Pick<Category, 'handle' | 'path'>>(
  categories: readonly C[],
  handle: string,
): C[] {
  const byHandle = new Map(categories.map((c) => [c.handle, c]));
  const leaf = byHandle.get(handle);
  if (!leaf) return [];
  return leaf.path.map((h) => byHandle.get(h)).filter((c): c is C => c !== undefined);
}

/** The crumbs of a category trail: each links to its category page. */
export function categoryCrumbs(trail: readonly Pick<Category, 'handle' | 'name'>[]): Crumb[] {
  return trail.map((c) => ({ name: c.name, path: `/categories/${encodeURIComponent(c.handle)}` }));
}

/**
 * The crumbs of a product's category and its ancestors. Its category alone when the tree does not
 * hold it (or could not be loaded: pass `[]`), none when it has no category.
 */
export function productCategoryCrumbs(
  categories: readonly Pick<Category, 'handle' | 'name' | 'path'>[],
  category: Pick<Category, 'handle' | 'name'> | null,
): Crumb[] {
  if (!category) return [];
  const trail = categoryTrail(categories, category.handle);
  return categoryCrumbs(trail.length > 0 ? trail : [category]);
}

/**
 * schema.org `BreadcrumbList` of a page's trail (the top first, the page itself last), with absolute
 * URLs on `siteUrl`: search engines show it in place of the URL under a result.
 */
export function breadcrumbJsonLd(siteUrl: string, trail: readonly Crumb[]): Record<string, unknown> {
  const origin = siteUrl.replace(/\/+$/, '');
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: crumb.name,
      item: `${origin}${crumb.path}`,
    })),
  };
}

/** A product page's `BreadcrumbList`: the page's crumbs, then the product at its canonical path. */
export function productBreadcrumbJsonLd(
  siteUrl: string,
  crumbs: readonly Crumb[],
  product: { title: string; handle: string },
): Record<string, unknown> {
  return breadcrumbJsonLd(siteUrl, [...crumbs, { name: product.title, path: `/products/${product.handle}` }]);
}
