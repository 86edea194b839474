import type { Image } from '@souk/storefront-kit';
import { store } from '@/lib/store';

/** A square thumbnail of a product (bag, checkout, confirmation), or a neutral tile without one. */
export function Thumb({ image, title }: { image: Image | undefined; title: string }) {
  if (!image) return <span className="thumb thumb--empty" role="img" aria-label={`${title} (no image)`} />;
  const props = store.image(image, title, { sizes: '96px', maxWidth: 320 });
  // biome-ignore lint/performance/noImgElement: srcset from Souk's variants, computed by the kit.
  return <img className="thumb" {...props} alt={props.alt} loading="lazy" decoding="async" />;
}
