import { OUTPUT, type VariantWidth } from './media.images.js';

/**
 * Where an image's files live in storage: by content hash, so the same picture uploaded to two
 * products (or by two sellers) is one stored original with one set of renditions. The product whose
 * URL serves it is not part of the key; `product_image_files` (SQL migration 0015) records which
 * products show which `images/<hash>/` folder.
 */
export const mediaKeys = (hash: string) => {
  const folder = `images/${hash.toLowerCase()}/`;
  return {
    folder,
    original: `${folder}original`,
    rendition: (width: VariantWidth | undefined) =>
      `${folder}${width ? `w${width}` : 'full'}.${OUTPUT.extension}`,
  };
};

/** Where releases before content addressing kept an image's files (read once, then moved). */
export const legacyMediaFolder = (productId: string, hash: string) =>
  `products/${productId.toLowerCase()}/${hash.toLowerCase()}/`;

/** An image URL of this API: `<base>/products/<product id>/<hash>.webp` (as migration 0015 reads it). */
const IMAGE_URL = /\/products\/(prod_[0-9A-Za-z]+)\/([0-9a-fA-F]{32})\.webp$/;

/** The stored files these images' URLs name: the product each URL is served as, and the hash. */
export function imageFilesNamedBy(images: readonly { url: string }[]): { servedAs: string; hash: string }[] {
  const found = new Map<string, { servedAs: string; hash: string }>();
  for (const { url } of images) {
    const m = IMAGE_URL.exec(url);
    if (m?.[1] && m[2]) found.set(`${m[1]}/${m[2]}`, { servedAs: m[1], hash: m[2].toLowerCase() });
  }
  return [...found.values()];
}
