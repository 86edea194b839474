import type { Schemas } from '@souk/sdk';

type Image = Schemas['Image'];

/**
 * A catalog image at its intrinsic size (width/height from the API, so the layout never shifts),
 * scaled by CSS. Images come from whatever host the catalog names, so they are not proxied through
 * Next's optimizer; put a CDN with resizing in front of that host in production.
 */
export function ProductImage({
  image,
  fallbackAlt,
  priority = false,
  sizes,
}: {
  image: Image | undefined;
  fallbackAlt: string;
  priority?: boolean;
  sizes?: string;
}) {
  if (!image) {
    return (
      <div
        className="product-image product-image--empty"
        role="img"
        aria-label={`${fallbackAlt} (no image)`}
      />
    );
  }
  return (
    // biome-ignore lint/performance/noImgElement: remote catalog images are served as-is (see above).
    <img
      className="product-image"
      src={image.url}
      alt={image.alt || fallbackAlt}
      width={image.width}
      height={image.height}
      loading={priority ? 'eager' : 'lazy'}
      fetchPriority={priority ? 'high' : 'auto'}
      decoding="async"
      sizes={sizes}
    />
  );
}
