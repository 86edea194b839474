import 'server-only';
import type { ContentDataOf } from '@souk/storefront-kit/server';
import { store } from './store';

export type HomeContent = ContentDataOf<'home'>;
export type HomeSection = HomeContent['sections'][number];
export type NavigationContent = ContentDataOf<'navigation'>;
export type NavigationItem = NavigationContent['items'][number];
export type BannerContent = ContentDataOf<'banner'>;

/**
 * The home page Atelier draws when the operator has published none (`atelier/home/main` in
 * `/admin/content`): the demo seed's sections, minus its banner and pictures (the hero then shows the
 * newest piece).
 */
export const DEFAULT_HOME: HomeContent = {
  sections: [
    {
      type: 'hero',
      title: 'Made slowly, by hand, by people you can name.',
      text: 'A considered collection from independent makers. Every piece ships from the workshop that made it; you check out once.',
      href: '/products?sort=newest',
    },
    {
      type: 'products',
      title: 'Just in',
      href: '/products?sort=newest',
      query: { sort: 'newest', limit: 8 },
    },
    { type: 'categories', title: 'Browse by room and ritual' },
  ],
};

/** The menu's plain links when no navigation is published (`atelier/navigation/main`). */
const DEFAULT_EDITS: NavigationItem[] = [
  { label: 'New in', href: '/products?sort=newest' },
  { label: 'Shop everything', href: '/products' },
  { label: 'Under the radar: by price', href: '/products?sort=price_asc' },
];

/** The published home page, or Atelier's default. */
export async function getHome(): Promise<HomeContent> {
  return (await store.getContent('home', 'main')) ?? DEFAULT_HOME;
}

/** A published banner, or null (a home section naming a missing banner shows nothing). */
export function getBanner(key: string): Promise<BannerContent | null> {
  return store.getContent('banner', key);
}

/**
 * The mega-menu's links: the published `navigation/main`, else the default edits and a link per
 * top-level category with its subcategories. An unreachable API gives the edits alone, not a broken page.
 */
export async function getMainNavigation(): Promise<NavigationItem[]> {
  const published = await store.getContent('navigation', 'main');
  if (published) return published.items;
  try {
    const categories = await store.getCategories();
    const tree = categories
      .filter((c) => c.depth === 0)
      .map((top) => ({
        label: top.name,
        href: `/categories/${top.handle}`,
        children: categories
          .filter((c) => c.parent_id === top.id)
          .map((c) => ({ label: c.name, href: `/categories/${c.handle}` })),
      }));
    return [...DEFAULT_EDITS, ...tree];
  } catch {
    return DEFAULT_EDITS;
  }
}
