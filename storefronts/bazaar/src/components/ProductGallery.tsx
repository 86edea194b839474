'use client';

import type { ImageProps } from '@souk/storefront-kit';
import { useState } from 'react';

/**
 * The product page's pictures: one large image and a row of thumbnails that pick it. The attributes of
 * every image come finished from the server (srcset, proxy URL), so this only switches between them.
 */
export function ProductGallery({
  images,
  thumbs,
  title,
}: {
  /** Large variants, in catalog order. */
  images: ImageProps[];
  /** The same images at thumbnail size. */
  thumbs: ImageProps[];
  title: string;
}) {
  const [current, setCurrent] = useState(0);
  const main = images[current] ?? images[0];
  if (!main) {
    return (
      <div className="product-image product-image--empty" role="img" aria-label={`${title} (no image)`} />
    );
  }
  return (
    <>
      {/* biome-ignore lint/performance/noImgElement: srcset from Souk's variants, computed by the kit. */}
      <img className="product-image" {...main} alt={main.alt} fetchPriority="high" decoding="async" />
      {thumbs.length > 1 && (
        <ul className="product-page__thumbs" aria-label="More pictures">
          {thumbs.map((thumb, i) => (
            <li key={thumb.src}>
              <button
                type="button"
                className="gallery__thumb"
                aria-current={i === current}
                aria-label={`Show picture ${i + 1} of ${thumbs.length}`}
                onClick={() => setCurrent(i)}
              >
                {/* biome-ignore lint/performance/noImgElement: as above. */}
                <img className="thumb" {...thumb} alt="" loading="lazy" decoding="async" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
