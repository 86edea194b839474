import type { DemoCatalog } from './demo-catalog.js';
import { renderDemoImages } from './demo-images.js';
import { DEMO_CATEGORIES } from './demo-words.js';

/** The demo's product pictures, for content that shows one (hero and banner images). */
export interface DemoContentImages {
  catalog: DemoCatalog;
  /** The base of Souk's media URLs (`…/media`), as the seed's `DemoMedia.publicUrl`. */
  publicUrl: string;
}

/** An image field of a content block: `image_url` and `image_alt`, or nothing. */
export type PickImage = (leafCategory: string) => { image_url: string; image_alt: string } | object;

/**
 * A picker of demo images by leaf category: the first picture of that category's first product a
 * shopper can see (published, by an active seller), served by Souk's own media endpoint (never an
 * outside host, so the demo works offline). Media serves only such products' pictures: one of a
 * pending or suspended seller would be a broken image. Without images (most tests) every block is
 * drawn without a picture.
 */
export function imagePicker(images: DemoContentImages | undefined): PickImage {
  if (!images) return () => ({});
  const leafId = new Map(images.catalog.categories.map((c) => [c.handle, c.id]));
  const active = new Set(images.catalog.sellers.filter((s) => s.status === 'active').map((s) => s.id));
  const visible = images.catalog.products.filter((p) => p.status === 'published' && active.has(p.seller_id));
  return (leaf) => {
    const product = visible.find((p) => p.category_id === leafId.get(leaf));
    if (!product) return {};
    for (const rendered of renderDemoImages({ ...images.catalog, products: [product] }, images.publicUrl)) {
      const [first] = rendered.images;
      if (first) return { image_url: first.url, image_alt: first.alt };
    }
    return {};
  };
}

/** The main navigation's category links: every top-level category with its subcategories. */
export function categoryLinks() {
  return DEMO_CATEGORIES.map((c) => ({
    label: c.name,
    href: `/categories/${c.handle}`,
    children: (c.children ?? []).map((child) => ({
      label: child.name,
      href: `/categories/${child.handle}`,
    })),
  }));
}
