import { createHash } from 'node:crypto';
import { mediaKeys } from '../modules/media/media.keys.js';
import type { ObjectStorage } from '../storage/index.js';
import type { DemoCatalog } from './demo-catalog.js';
import { DEMO_IMAGE_SIZE, demoColour, demoProductSvgs } from './demo-images.svg.js';

/** Where the seed puts product images, and the base of their public URLs (`…/media`). */
export interface DemoMedia {
  storage: ObjectStorage;
  publicUrl: string;
}

/** How many originals are written at once. */
const CONCURRENCY = 16;

/**
 * Gives every demo product two images (its silhouette in its colour and material, and a material
 * close-up), stored as SVG originals through the storage port with the same layout and URLs as
 * uploads (`images/<hash>/original`). The served WebP renditions and `?w=` variants are
 * rendered from them on first request, like any upload's variants, so seeding only writes ~1,000
 * small files. Nothing is downloaded; the same catalog always gives the same bytes.
 */
export async function attachDemoImages(catalog: DemoCatalog, media: DemoMedia): Promise<number> {
  const writes: (() => Promise<void>)[] = [];
  for (const { product, images, files } of renderDemoImages(catalog, media.publicUrl)) {
    for (const file of files) {
      writes.push(() => media.storage.put(file.key, file.data, { contentType: 'image/svg+xml' }));
    }
    // JSON columns take serialised JSON (see buildDemoCatalog).
    product.images = JSON.stringify(images);
  }
  for (let i = 0; i < writes.length; i += CONCURRENCY) {
    await Promise.all(writes.slice(i, i + CONCURRENCY).map((write) => write()));
  }
  return writes.length;
}

/** A demo product's image as the API lists it. */
export interface DemoImage {
  id: string;
  url: string;
  alt: string;
  width: number;
  height: number;
}

/**
 * Every demo product's images (URLs under `publicUrl`) and the originals to store for them. Pure:
 * the demo content names the same URLs, whether or not this run stores the images.
 */
export function* renderDemoImages(
  catalog: DemoCatalog,
  publicUrl: string,
): Generator<{
  product: DemoCatalog['products'][number];
  images: DemoImage[];
  files: { key: string; data: Buffer }[];
}> {
  for (const product of catalog.products) {
    const attributes = JSON.parse(String(product.attributes)) as { material?: string };
    const material = attributes.material ?? 'nylon';
    const svgs = demoProductSvgs({ title: product.title, material, handle: product.handle });
    const colour = demoColour(product.handle).name;
    const views = [`${product.title} in ${colour}`, `Close-up of the ${material} of the ${product.title}`];
    const files: { key: string; data: Buffer }[] = [];
    const images = svgs.map((svg, n) => {
      const data = Buffer.from(svg);
      const hash = createHash('sha256').update(data).digest('hex').slice(0, 32);
      files.push({ key: mediaKeys(hash).original, data });
      return {
        id: `img_${hash}`,
        url: `${publicUrl}/products/${product.id}/${hash}.webp`,
        alt: views[n] as string,
        width: DEMO_IMAGE_SIZE,
        height: DEMO_IMAGE_SIZE,
      };
    });
    yield { product, images, files };
  }
}
