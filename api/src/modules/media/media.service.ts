import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { Notifications } from '../../db/notifications.js';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import type { WriteSteps } from '../../http/idempotency.js';
import type { Logger } from '../../lib/logger.js';
import type { ObjectStorage } from '../../storage/index.js';
import type { ImageJson } from '../catalog/catalog.table.js';
import { changeProductImages, productImages } from '../seller-catalog/index.js';
import { sweepStoredImage } from './media.cleanup.js';
import { type InspectedImage, OUTPUT } from './media.images.js';
import { imageFilesNamedBy, mediaKeys } from './media.keys.js';
import { createPrerenderer } from './media.prerender.js';
import type { PreviewSigner } from './media.preview.js';
import * as repo from './media.repository.js';
import { createMediaServing } from './media.serving.js';
import { createOrphanSweeper } from './media.sweep.js';
import { createServedAsCache } from './media.verdicts.js';

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

const imageNotFound = (imageId: string) =>
  new AppError('not_found', `The product has no image with the id '${imageId}'.`);

/**
 * Product images: uploads stored through the storage port, their place in the product's `images`
 * (the projection the catalog serves), and the resized WebP variants served from `/media`.
 */
export function createMediaService({
  db,
  storage,
  publicUrl,
  limits,
  logger,
  sweep: sweepOptions = { intervalMs: 0, graceMs: 3_600_000 },
  cacheBytes = 0,
  preview,
  notifications,
  cacheServedAs = true,
}: {
  db: Db;
  storage: ObjectStorage;
  /** For the background pre-rendering's progress and failures. */
  logger: Logger;
  /** Base of image URLs, e.g. `https://cdn.example.com/media` (no trailing slash). */
  publicUrl: string;
  limits: MediaLimits;
  /** The periodic sweep of orphaned files (see createOrphanSweeper); default: off. */
  sweep?: { intervalMs: number; graceMs: number };
  /** Bytes of rendered variants kept in memory (`MEDIA_CACHE_BYTES`; 0: none). */
  cacheBytes?: number;
  /** Signs and checks the preview URLs of pictures not public yet (see createPreviewSigner). */
  preview: PreviewSigner;
  /** The database's notifications, which drop the plain URLs' kept verdicts (see createServedAsCache). */
  notifications?: Notifications;
  /** Keep plain URLs' yes verdicts in memory (`MEDIA_SERVED_CACHE`); false: ask on every request. */
  cacheServedAs?: boolean;
}) {
  const servedAs = createServedAsCache({ notifications, enabled: cacheServedAs });
  const serving = createMediaServing({ db, storage, maxPixels: limits.maxPixels, cacheBytes, servedAs });
  const urlOf = (productId: string, hash: string) =>
    `${publicUrl}/products/${productId}/${hash}.${OUTPUT.extension}`;

  /** Removes a picture's files unless an image still names them; a failure is logged, not thrown. */
  const sweep = (hash: string, servedAs: readonly string[] = []) =>
    sweepStoredImage({ db, storage }, hash, servedAs).catch((err: unknown) => {
      logger.warn({ err, hash }, 'media: clean-up of stored image files failed');
      return 0;
    });

  /**
   * Stores an inspected upload's original and rendering, unless the same picture is stored already
   * (any product's upload of the same bytes): then the upload shares those files. Holds the folder's
   * lock until `trx` ends, so no clean-up removes the files in between; if the write aborts, the
   * files go unless something else names them.
   */
  async function store(trx: Db, image: InspectedImage, original: Buffer, steps: WriteSteps) {
    const keys = mediaKeys(image.hash);
    await repo.lockStoredImage(trx, keys.folder);
    steps.onAbort(() => sweep(image.hash));
    if (await storage.exists(keys.original)) return;
    await storage.put(keys.original, original, { contentType: image.contentType });
    await storage.put(keys.rendition(undefined), image.full.data, { contentType: OUTPUT.contentType });
  }

  const prerender = createPrerenderer({
    render: (job, renditions) => serving.renderMissing(job.productId, job.hash, renditions),
    logger,
  });
  const orphans = createOrphanSweeper({ db, storage, logger, ...sweepOptions });

  return {
    /** Base of image URLs (no trailing slash). */
    publicUrl,
    /** Signs and checks preview URLs. */
    preview,
    /**
     * The background queue that renders the variants themes ask for (see createPrerenderer): fed
     * after each upload and, in the demo, with the seeded catalog.
     */
    prerender,
    renderMissing: serving.renderMissing,
    /** The periodic sweep of stored files no product names (MEDIA_SWEEP_INTERVAL_MS). */
    orphans,
    /** Stops the background pre-rendering and the sweep. */
    close: async () => {
      servedAs.stop();
      await Promise.all([prerender.close(), orphans.close()]);
    },
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
        await store(trx, image, input.original, steps);
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
    reorder(trx: Db, sellerId: string, productId: string, imageIds: string[]): Promise<ImageJson[]> {
      return changeProductImages(trx, sellerId, productId, async (product) => {
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
      });
    },

    /** Sets the alt text of an uploaded image. */
    setAlt(trx: Db, sellerId: string, productId: string, imageId: string, alt: string): Promise<ImageJson> {
      return changeProductImages(trx, sellerId, productId, async (product) => {
        const found = product.images.find((i) => i.id === imageId);
        if (!found) throw imageNotFound(imageId);
        const updated = { ...found, alt };
        return { images: product.images.map((i) => (i === found ? updated : i)), result: updated };
      });
    },

    /**
     * After a product was deleted or its images replaced: removes from storage the files of each
     * dropped image that no product's images name any more (see sweepStoredImage). Answers how many
     * objects went.
     */
    async release(_productId: string, dropped: readonly Pick<ImageJson, 'url'>[]): Promise<number> {
      let removed = 0;
      for (const { hash, servedAs } of imageFilesNamedBy(dropped)) {
        removed += await sweepStoredImage({ db, storage }, hash, [servedAs]);
      }
      return removed;
    },

    /**
     * Removes an uploaded image from the product in the caller's transaction, then, once that has
     * committed, its files from storage (unless still referenced).
     */
    async remove(
      trx: Db,
      steps: Pick<WriteSteps, 'onCommit'>,
      sellerId: string,
      productId: string,
      imageId: string,
    ): Promise<void> {
      const dropped = await changeProductImages(trx, sellerId, productId, async (product) => {
        const found = product.images.find((i) => i.id === imageId);
        if (!found) throw imageNotFound(imageId);
        return { images: product.images.filter((i) => i !== found), result: found };
      });
      // After the commit: a failed delete leaves unreachable files (logged by sweep), never an image
      // without its file, and never a failed answer for an image that is already gone.
      steps.onCommit(async () => {
        for (const { hash, servedAs } of imageFilesNamedBy([dropped])) await sweep(hash, [servedAs]);
      });
    },

    variant: serving.variant,
  };
}

export type MediaService = ReturnType<typeof createMediaService>;
