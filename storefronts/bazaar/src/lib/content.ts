import 'server-only';
import type { ContentDataOf } from '@souk/storefront-kit/server';
import { getCategories } from './souk';
import { store } from './store';

export type HomeContent = ContentDataOf<'home'>;
export type HomeSection = HomeContent['sections'][number];
export type NavigationContent = ContentDataOf<'navigation'>;
export type BannerContent = ContentDataOf<'banner'>;

/**
 * The home page Bazaar draws when the operator has published none (`home/main` in `/admin/content`):
 * the same sections the demo seed publishes, minus the seed's banner.
 */
export const DEFAULT_HOME: HomeContent = {
  sections: [
    {
      type: 'hero',
      title: 'Independent sellers, one cart.',
      text: 'Shop from every seller on Bazaar and check out once — each seller ships their part.',
      href: '/products',
    },
    { type: 'categories', title: 'Shop by category' },
    {
      type: 'products',
      title: 'New arrivals',
      href: '/products?sort=newest',
      query: { sort: 'newest', limit: 8 },
    },
  ],
};

/** The published home page (`home/main`), or Bazaar's default. */
export async function getHome(): Promise<HomeContent> {
  return (await store.getContent('home', 'main')) ?? DEFAULT_HOME;
}

/** A published banner, or null (a home section naming a missing banner shows nothing). */
export function getBanner(key: string): Promise<BannerContent | null> {
  return store.getContent('banner', key);
}

/**
 * The header's links: the published `navigation/main`, else "All products" and the top-level
 * categories. An unreachable API gives an empty menu, not a broken page.
 */
export async function getMainNavigation(): Promise<NavigationContent['items']> {
  const published = await store.getContent('navigation', 'main');
  if (published) return published.items;
  try {
    const top = (await getCategories()).filter((c) => c.depth === 0);
    return [
      { label: 'All products', href: '/products' },
      ...top.map((c) => ({ label: c.name, href: `/categories/${c.handle}` })),
    ];
  } catch {
    return [];
  }
}
