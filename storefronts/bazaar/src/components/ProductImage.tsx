import { type Image, preloadLcpImage } from '@souk/storefront-kit';
import { store } from '@/lib/store';

/**
 * A catalog image at its intrinsic size (width/height from the API, so the layout never shifts),
 * scaled by CSS. Souk's own images get a responsive `srcset` of its resized variants; images from other
 * hosts go through the theme's `/media` proxy, which answers a placeholder when the host fails (the kit's
 * `imageProps` says why), so a missing picture is a tidy tile, never a broken-image icon.
 */
export function ProductImage({
  image,
  fallbackAlt,
  priority = false,
  eager = priority,
  sizes,
  maxWidth,
  className = 'product-image',
}: {
  image: Image | undefined;
  fallbackAlt: string;
  /** The page's largest picture (one per page): preloaded from the head, fetched first. */
  priority?: boolean;
  /** Above the fold on a phone: loaded at once rather than lazily, at the browser's usual priority. */
  eager?: boolean;
  sizes?: string;
  /** The widest the layout ever draws it (thumbnails), so no larger variant is offered. */
  maxWidth?: number;
  className?: string;
}) {
  if (!image) {
    return (
      <div
        className={`${className} product-image--empty`}
        role="img"
        aria-label={`${fallbackAlt} (no image)`}
      />
    );
  }
  const props = store.image(image, fallbackAlt, {
    ...(sizes ? { sizes } : {}),
    ...(maxWidth ? { maxWidth } : {}),
  });
  if (priority) preloadLcpImage(props);
  return (
    // biome-ignore lint/performance/noImgElement: the kit computes srcset from Souk's own variants (see above).
    <img
      className={className}
      {...props}
      alt={props.alt}
      loading={eager ? 'eager' : 'lazy'}
      fetchPriority={priority ? 'high' : 'auto'}
      decoding="async"
    />
  );
}
