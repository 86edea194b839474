import { AppError } from '../../errors.js';
import type { Idempotency } from '../../http/idempotency.js';
import type { OperationHandlers } from '../../http/operations.js';
import { sellerIdOf } from '../../http/principal.js';
import { inspectUpload, OUTPUT } from './media.images.js';
import type { MediaService } from './media.service.js';

type MediaHandlers = Pick<
  OperationHandlers,
  | 'listSellerProductImages'
  | 'uploadSellerProductImage'
  | 'reorderSellerProductImages'
  | 'updateSellerProductImage'
  | 'deleteSellerProductImage'
  | 'getMediaImage'
>;

/** A year, and `immutable`: an image URL names its content, so it never changes. */
const CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** HTTP handlers of product media: sellers' uploads and the public image variants. */
export function mediaHandlers({
  media,
  idempotent,
  maxPixels,
  prerender = true,
}: {
  media: MediaService;
  idempotent: Idempotency;
  maxPixels: number;
  /** Queue an upload's variants for background rendering (`MEDIA_PRERENDER`). */
  prerender?: boolean;
}) {
  return {
    listSellerProductImages: async ({ principal, params }) => ({
      status: 200,
      body: { data: await media.list(sellerIdOf(principal), params.productId) },
    }),
    uploadSellerProductImage: async (req) => {
      const sellerId = sellerIdOf(req.principal);
      // The router hands binary bodies over as a Buffer (see readBinaryBody).
      const original = req.body as unknown as Buffer | undefined;
      if (!Buffer.isBuffer(original) || original.length === 0) {
        throw new AppError('validation_failed', 'body: send the image file as the request body', {
          errors: [{ in: 'body', field: '', message: 'is required' }],
        });
      }
      // Checked before any write: a refused upload stores nothing and claims no Idempotency-Key.
      const image = await inspectUpload(original, maxPixels);
      const { productId } = req.params;
      const alt = req.query.alt;
      // The idempotency record hashes the file's digest, not the file.
      const res = await idempotent.run(
        { ...req, body: { sha256: image.hash, alt: alt ?? null } },
        201 as const,
        (trx, steps) => media.upload(trx, steps, { sellerId, productId, original, image, alt }),
      );
      // After the commit, in the background: the variants a storefront's srcset will ask for.
      if (prerender && res.status === 201) {
        media.prerender.add([{ productId, hash: image.hash, width: image.full.width }]);
      }
      return res;
    },
    reorderSellerProductImages: async ({ principal, params, body }) => ({
      status: 200,
      body: {
        data: await idempotent.transaction((trx) =>
          media.reorder(trx, sellerIdOf(principal), params.productId, body.image_ids),
        ),
      },
    }),
    updateSellerProductImage: async ({ principal, params, body }) => ({
      status: 200,
      body: await idempotent.transaction((trx) =>
        media.setAlt(trx, sellerIdOf(principal), params.productId, params.imageId, body.alt),
      ),
    }),
    deleteSellerProductImage: async ({ principal, params }) => {
      await idempotent.transaction((trx, steps) =>
        media.remove(trx, steps, sellerIdOf(principal), params.productId, params.imageId),
      );
      return { status: 204 };
    },
    getMediaImage: async ({ params, query, headers }) => {
      const hash = params.file.slice(0, -`.${OUTPUT.extension}`.length);
      const width = query.w;
      const etag = `"${hash}-${width ?? 'full'}"`;
      const cacheHeaders = { 'Cache-Control': CACHE_CONTROL, ETag: etag };
      const notFound = () => new AppError('not_found', `There is no image ${params.file} for this product.`);
      const served = await media.variant(params.productId, hash, width);
      if (!served) throw notFound();
      // Before reading the bytes: the browser has them already.
      const ifNoneMatch = headers['if-none-match'];
      if (ifNoneMatch?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
        return { status: 304, headers: cacheHeaders };
      }
      const data = await served.read();
      if (!data) throw notFound();
      return {
        status: 200,
        type: OUTPUT.contentType,
        body: data as unknown as string,
        headers: cacheHeaders,
      };
    },
  } satisfies MediaHandlers;
}
