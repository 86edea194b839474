import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import type { WriteSteps } from '../../http/idempotency.js';
import type { ObjectStorage } from '../../storage/index.js';
import type { ImageJson } from '../catalog/catalog.table.js';
import { changeProductImages, productImages } from '../seller-catalog/index.js';
import { FULL_WIDTH, type InspectedImage, OUTPUT, render, type VariantWidth } from './media.images.js';

type Db = Kysely<Database>;

/** Base of image URLs: `MEDIA_PUBLIC_URL` (a CDN in front of `/media`), else this API on localhost. */
export function mediaPublicUrl(config: Pick<Config, 'MEDIA_PUBLIC_URL' | 'PORT'>): string {
  return (config.MEDIA_PUBLIC_URL ?? `http://localhost:${config.PORT}/media`).replace(/\/+$/, '');
}

/** Limits of uploads (from `MEDIA_MAX_*`). */
export interface MediaLimits {
  maxPixels: number;
  maxImagesPerProduct: number;
}

/** Where a product image lives in storage: its original and its renderings side by side. */
export const mediaKeys = (productId: string, hash: string) => {
  const folder = `products/${productId.toLowerCase()}/${hash}/`;
  return {
    folder,
    original: `${folder}original`,
    rendition: (width: VariantWidth | undefined) =>
      `${folder}${width ? `w${width}` : 'full'}.${OUTPUT.extension}`,
  };
};

const imageNotFound = (imageId: string) =>
  new AppError('not_found', `The product has no image with the id '${imageId}'.`);
const hashOf = (imageId: string) => imageId.slice('img_'.length);

/**
 * Product images: uploads stored through the storage port, their place in the product's `images`
 * (the projection the catalog serves), and the resized WebP variants served from `/media`.
 */
export function createMediaService({
  db,
  storage,
  publicUrl,
  limits,
}: {
  db: Db;
  storage: ObjectStorage;
  /** Base of image URLs, e.g. `https://cdn.example.com/media` (no trailing slash). */
  publicUrl: string;
  limits: MediaLimits;
}) {
  const urlOf = (productId: string, hash: string) =>
    `${publicUrl}/products/${productId}/${hash}.${OUTPUT.extension}`;

  /** Stores an inspected upload's original and rendering (declaring their removal if the write aborts). */
  async function store(productId: string, image: InspectedImage, original: Buffer, steps: WriteSteps) {
    const keys = mediaKeys(productId, image.hash);
    steps.onAbort(() => storage.deletePrefix(keys.folder));
    await storage.put(keys.original, original, { contentType: image.contentType });
    await storage.put(keys.rendition(undefined), image.full.data, { contentType: OUTPUT.contentType });
  }

  return {
    /** Base of image URLs (no trailing slash). */
    publicUrl,
    list: (sellerId: string, productId: string) => productImages(db, sellerId, productId),

    /** Adds an inspected upload at the end of the product's images, in the caller's transaction. */
    upload(
      trx: Db,
      steps: WriteSteps,
      input: {
        sellerId: string;
        productId: string;
        original: Buffer;
        image: InspectedImage;
        alt?: string | undefined;
      },
    ): Promise<ImageJson> {
      const { sellerId, productId, image } = input;
      return changeProductImages(trx, sellerId, productId, async (product) => {
        const id = `img_${image.hash}`;
        if (product.images.some((i) => i.id === id)) {
          throw new AppError('conflict', `The product already has this image (id '${id}').`);
        }
        if (product.images.length >= limits.maxImagesPerProduct) {
          throw new AppError(
            'too_many_images',
            `The product has ${product.images.length} images, the most allowed; delete one first.`,
          );
        }
        await store(productId, image, input.original, steps);
        const added: ImageJson = {
          id,
          url: urlOf(productId, image.hash),
          alt: input.alt ?? product.title,
          width: image.full.width,
          height: image.full.height,
        };
        return { images: [...product.images, added], result: added };
      });
    },

    /** Puts the uploaded images in the given order (every one exactly once); by-URL images follow. */
    reorder(sellerId: string, productId: string, imageIds: string[]): Promise<ImageJson[]> {
      return db.transaction().execute((trx) =>
        changeProductImages(trx, sellerId, productId, async (product) => {
          const uploaded = product.images.filter((i) => i.id !== undefined);
          const byId = new Map(uploaded.map((i) => [i.id, i]));
          const unknown = imageIds.filter((id) => !byId.has(id));
          if (unknown.length > 0 || imageIds.length !== uploaded.length) {
            const missing = uploaded.filter((i) => !imageIds.includes(i.id as string)).map((i) => i.id);
            const message = unknown.length
              ? `names images the product does not have: ${unknown.join(', ')}`
              : `must name every uploaded image of the product; missing: ${missing.join(', ')}`;
            throw new AppError('validation_failed', `body /image_ids: ${message}`, {
              errors: [{ in: 'body', field: '/image_ids', message }],
            });
          }
          const images = [
            ...imageIds.map((id) => byId.get(id) as ImageJson),
            ...product.images.filter((i) => i.id === undefined),
          ];
          return { images, result: images };
        }),
      );
    },

    /** Sets the alt text of an uploaded image. */
    setAlt(sellerId: string, productId: string, imageId: string, alt: string): Promise<ImageJson> {
      return db.transaction().execute((trx) =>
        changeProductImages(trx, sellerId, productId, async (product) => {
          const found = product.images.find((i) => i.id === imageId);
          if (!found) throw imageNotFound(imageId);
          const updated = { ...found, alt };
          return { images: product.images.map((i) => (i === found ? updated : i)), result: updated };
        }),
      );
    },

    /** Removes an uploaded image from the product, then its original and renderings from storage. */
    async remove(sellerId: string, productId: string, imageId: string): Promise<void> {
      await db.transaction().execute((trx) =>
        changeProductImages(trx, sellerId, productId, async (product) => {
          if (!product.images.some((i) => i.id === imageId)) throw imageNotFound(imageId);
          return { images: product.images.filter((i) => i.id !== imageId), result: undefined };
        }),
      );
      // After the commit: a failed delete leaves unreachable files, never an image without its file.
      await storage.deletePrefix(mediaKeys(productId, hashOf(imageId)).folder);
    },

    /**
     * The WebP of an image at a variant width (or the full rendition): from storage, else rendered
     * from the original once and stored for the next request. Undefined when there is no such image.
     */
    async variant(productId: string, hash: string, width: VariantWidth | undefined) {
      const keys = mediaKeys(productId, hash);
      const key = keys.rendition(width);
      const stored = await storage.get(key);
      if (stored) return stored.data;
      const original = await storage.get(keys.original);
      if (!original) return undefined;
      const { data } = await render(original.data, width ?? FULL_WIDTH, limits.maxPixels);
      await storage.put(key, data, { contentType: OUTPUT.contentType });
      return data;
    },
  };
}

export type MediaService = ReturnType<typeof createMediaService>;
