import type { MetadataRoute } from 'next';

/**
 * A shopper's own pages: the cart, checkout, order confirmations, the account and sign-in. What they
 * show belongs to one buyer (or to nobody, when empty), so they are never in the sitemap. All but the
 * cart say `noindex` (`privatePageMetadata`); robots.txt does not block them: a crawler must fetch a
 * page to read its `noindex`.
 */
export const PRIVATE_PATHS = ['/cart', '/checkout', '/orders', '/account', '/sign-in'] as const;

/** Whether `path` (a pathname, query or not) is one of the private pages or below one. */
export function isPrivatePath(path: string): boolean {
  const pathname = path.split(/[?#]/)[0] ?? '';
  return PRIVATE_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

/**
 * Metadata of a private page: `noindex, nofollow` and no canonical URL (a canonical names the URL to
 * index, and there is none). Every link on these pages is also reachable from public pages.
 */
export function privatePageMetadata(title: string): {
  title: string;
  robots: { index: false; follow: false };
} {
  return { title, robots: { index: false, follow: false } };
}

/**
 * Metadata of the cart page: indexable, unlike the other pages of PRIVATE_PATHS. Its address is the
 * same for everybody and what a buyer put in it lives in the buyer's cookie, so a crawler (which has
 * none) only ever sees an empty cart with its way back to the catalog: nothing of a buyer's can be
 * indexed. A `noindex` there would only fail Lighthouse's `is-crawlable` audit. It stays out of the
 * sitemap (`PRIVATE_PATHS`), and it names no canonical URL (it has no public content to point at).
 */
export function cartPageMetadata(title: string): { title: string } {
  return { title };
}

/** What a sitemap lists: the catalog's public pages. */
export interface SitemapSource {
  categories: readonly { handle: string }[];
  products: readonly { handle: string; updated_at?: string }[];
  /** Other public paths of the theme (e.g. seller pages). */
  extra?: readonly string[];
}

/**
 * The sitemap of a theme at `siteUrl`: home, the full listing, every category and every product at
 * its canonical URL (`/products/{handle}`, never a per-currency path), and nothing private.
 */
export function sitemapEntries(siteUrl: string, source: SitemapSource): MetadataRoute.Sitemap {
  const base = siteUrl.replace(/\/+$/, '');
  const paths: { path: string; lastModified?: string; priority: number }[] = [
    { path: '/', priority: 1 },
    { path: '/products', priority: 0.8 },
    ...source.categories.map((c) => ({ path: `/categories/${c.handle}`, priority: 0.7 })),
    ...(source.extra ?? []).map((path) => ({ path, priority: 0.5 })),
    ...source.products.map((p) => ({
      path: `/products/${p.handle}`,
      priority: 0.6,
      ...(p.updated_at ? { lastModified: p.updated_at } : {}),
    })),
  ];
  const seen = new Set<string>();
  return paths
    .filter(({ path }) => !isPrivatePath(path) && !seen.has(path) && seen.add(path))
    .map(({ path, ...rest }) => ({ url: `${base}${path}`, ...rest }));
}

/** robots.txt: everything may be crawled (see PRIVATE_PATHS for why); the sitemap's address. */
export function robotsRules(siteUrl: string): MetadataRoute.Robots {
  const base = siteUrl.replace(/\/+$/, '');
  return { rules: [{ userAgent: '*', allow: '/' }], sitemap: `${base}/sitemap.xml` };
}
