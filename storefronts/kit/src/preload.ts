import { preload } from 'react-dom';
import type { ImageProps } from './images';

/**
 * Marks a page's largest picture (its LCP element: the hero, the first product card, the product
 * photo) for the browser: a `<link rel="preload" as="image">` in the document's head with the
 * picture's srcset, sizes and `fetchpriority="high"` — what Next's `<Image priority>` does. The
 * browser then fetches the variant it will draw before scripts and other pictures, instead of when
 * the parser reaches the `<img>`. Call it for one picture per page (more dilutes the priority), from
 * a Server Component; the `<img>` itself keeps `fetchPriority="high"` and `loading="eager"`.
 */
export function preloadLcpImage(image: Pick<ImageProps, 'src' | 'srcSet' | 'sizes'>): void {
  preload(image.src, {
    as: 'image',
    fetchPriority: 'high',
    ...(image.srcSet ? { imageSrcSet: image.srcSet } : {}),
    ...(image.sizes ? { imageSizes: image.sizes } : {}),
  });
}
