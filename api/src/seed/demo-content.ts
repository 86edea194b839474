import type { SeedContent } from '../modules/content/index.js';
import { DEMO_CATEGORIES } from './demo-words.js';

/** Theme whose default content the demo publishes (Atelier still draws its home from code). */
const THEME = 'bazaar';

/**
 * Bazaar's published content in the demo: the home page's sections, the banner they show and the
 * main navigation (all products, then every top-level category with its subcategories). Operators change them through
 * `/admin/content`; the theme falls back to its own copy when a document is missing.
 */
export function demoContent(): SeedContent[] {
  return [
    {
      theme: THEME,
      kind: 'home',
      key: 'main',
      data: {
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
          { type: 'banner', banner_key: 'weekend-outdoors' },
          {
            type: 'products',
            title: 'For the home',
            href: '/categories/home',
            query: { category: 'home', sort: 'newest', limit: 4 },
          },
        ],
      },
    },
    {
      theme: THEME,
      kind: 'banner',
      key: 'weekend-outdoors',
      data: {
        headline: 'Out for the weekend',
        text: 'Tents, stoves, packs and boots from independent outfitters — ready to ship.',
        href: '/categories/outdoor',
      },
    },
    {
      theme: THEME,
      kind: 'navigation',
      key: 'main',
      data: {
        items: [
          { label: 'All products', href: '/products' },
          ...DEMO_CATEGORIES.map((c) => ({
            label: c.name,
            href: `/categories/${c.handle}`,
            children: (c.children ?? []).map((child) => ({
              label: child.name,
              href: `/categories/${child.handle}`,
            })),
          })),
        ],
      },
    },
  ];
}
