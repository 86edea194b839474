import 'server-only';
import { paginate } from '@souk/sdk';
import type { MetadataRoute } from 'next';
import { robotsRules, sitemapEntries } from '../seo-pages';
import type { Storefront } from './storefront';

/** More products than this are left out of the sitemap (one file holds at most 50,000 URLs). */
const MAX_PRODUCTS = 10_000;

/**
 * A theme's `app/sitemap.ts` and `app/robots.ts` bodies: the catalog's public pages (see
 * `sitemapEntries`), read through the theme's Souk client, and robots.txt naming the sitemap.
 * `extra` adds a theme's other public paths (seller pages).
 */
export function createSeoRoutes(store: Storefront, extra?: () => Promise<string[]>) {
  async function sitemap(): Promise<MetadataRoute.Sitemap> {
    const products: { handle: string; updated_at: string }[] = [];
    for await (const p of paginate((cursor) =>
      store.souk.store.products.list({ limit: 100, ...(cursor ? { cursor } : {}) }),
    )) {
      products.push({ handle: p.handle, updated_at: p.updated_at });
      if (products.length >= MAX_PRODUCTS) break;
    }
    const [categories, more] = await Promise.all([store.getCategories(), extra?.() ?? []]);
    return sitemapEntries(store.config.siteUrl, { categories, products, extra: more });
  }
  return { sitemap, robots: (): MetadataRoute.Robots => robotsRules(store.config.siteUrl) };
}
