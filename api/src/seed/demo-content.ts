import type { SeedContent } from '../modules/content/index.js';
import { atelierContent } from './demo-content-atelier.js';
import { categoryLinks, type DemoContentImages, imagePicker, type PickImage } from './demo-content-parts.js';

/**
 * Both themes' published content in the demo: each theme's home sections, the banners they show and
 * its main navigation. Operators change them through `/admin/content`; a theme falls back to its own
 * copy when a document is missing.
 */
export function demoContent(images?: DemoContentImages): SeedContent[] {
  const pick = imagePicker(images);
  return [...bazaarContent(pick), ...atelierContent(pick)];
}

function bazaarContent(pick: PickImage): SeedContent[] {
  const theme = 'bazaar';
  return [
    {
      theme,
      kind: 'home',
      key: 'main',
      data: {
        sections: [
          {
            type: 'hero',
            title: 'Independent sellers, one cart.',
            text: 'Shop from every seller on Bazaar and check out once — each seller ships their part.',
            href: '/products',
            ...pick('lighting'),
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
      theme,
      kind: 'banner',
      key: 'weekend-outdoors',
      data: {
        headline: 'Out for the weekend',
        text: 'Tents, stoves, packs and boots from independent outfitters — ready to ship.',
        href: '/categories/outdoor',
        ...pick('camping'),
      },
    },
    {
      theme,
      kind: 'navigation',
      key: 'main',
      data: { items: [{ label: 'All products', href: '/products' }, ...categoryLinks()] },
    },
  ];
}
