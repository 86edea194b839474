import type { SeedContent } from '../modules/content/index.js';
import { categoryLinks, type PickImage } from './demo-content-parts.js';

/**
 * Atelier's published content in the demo (the copy its code falls back to, see
 * storefronts/atelier/src/lib/content.ts): an image-led hero, the newest pieces, a banner, the
 * category index; and the mega-menu (an "Edits" column of plain links, then a column per category).
 */
export function atelierContent(pick: PickImage): SeedContent[] {
  const theme = 'atelier';
  return [
    {
      theme,
      kind: 'home',
      key: 'main',
      data: {
        sections: [
          {
            type: 'hero',
            title: 'Made slowly, by hand, by people you can name.',
            text: 'A considered collection from independent makers. Every piece ships from the workshop that made it; you check out once.',
            href: '/products?sort=newest',
            ...pick('furniture'),
          },
          {
            type: 'products',
            title: 'Just in',
            href: '/products?sort=newest',
            query: { sort: 'newest', limit: 8 },
          },
          { type: 'banner', banner_key: 'the-table' },
          { type: 'categories', title: 'Browse by room and ritual' },
        ],
      },
    },
    {
      theme,
      kind: 'banner',
      key: 'the-table',
      data: {
        headline: 'Set the table',
        text: 'Stoneware, linen and glass from small kitchens and studios — made to be used every day.',
        href: '/categories/kitchen',
        ...pick('tableware'),
      },
    },
    {
      theme,
      kind: 'navigation',
      key: 'main',
      data: {
        items: [
          { label: 'New in', href: '/products?sort=newest' },
          { label: 'Shop everything', href: '/products' },
          { label: 'Under the radar: by price', href: '/products?sort=price_asc' },
          ...categoryLinks(),
        ],
      },
    },
  ];
}
