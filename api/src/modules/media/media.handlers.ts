import { AppError } from '../../errors.js';
import type { Idempotency } from '../../http/idempotency.js';
import type { OperationHandlers } from '../../http/operations.js';
import { sellerIdOf } from '../../http/principal.js';
import type { ImageJson } from '../catalog/catalog.table.js';
import { inspectUpload, OUTPUT } from './media.images.js';
import type { MediaService } from './media.service.js';
import { toSellerImage } from './media.views.js';

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

/**
 * The seconds a request's preview signature has left; undefined for a plain (public) request. A
 * signature that does not match, or has expired, is refused rather than treated as a plain request:
 * the seller's screen should learn that its URL went stale.
 */
async function previewLeft(
  preview: MediaService['preview'],
  productId: string,
  hash: string,
  query: { exp?: number; sig?: string },
): Promise<number | undefined> {
  const { exp, sig } = query;
  if (exp === undefined && sig === undefined) return undefined;
  if (exp === undefined || sig === undefined) {
    const field = exp === undefined ? 'exp' : 'sig';
    const message = 'is required with the other of exp and sig';
    throw new AppError('validation_failed', `query ${field}: ${message}`, {
      errors: [{ in: 'query', field, message }],
    });
  }
  const left = await preview.verify(productId, hash, exp, sig);
  if (left === undefined) {
    throw new AppError('preview_url_invalid', 'The preview URL does not match or has expired.');
  }
  return left;
}

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
  const view = (image: ImageJson) => toSellerImage(image, media.preview);
  const views = (images: ImageJson[]) => Promise.all(images.map(view));
  return {
    listSellerProductImages: async ({ principal, params }) => ({
      status: 200,
      body: { data: await views(await media.list(sellerIdOf(principal), params.productId)) },
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
      // Signed now, also on a replay: the stored answer holds the image, not a signature.
      return res.status === 201 ? { ...res, body: await view(res.body) } : res;
    },
    reorderSellerProductImages: async ({ principal, params, body }) => ({
      status: 200,
      body: {
        data: await views(
          await idempotent.transaction((trx) =>
            media.reorder(trx, sellerIdOf(principal), params.productId, body.image_ids),
          ),
        ),
      },
    }),
    updateSellerProductImage: async ({ principal, params, body }) => ({
      status: 200,
      body: await view(
        await idempotent.transaction((trx) =>
          media.setAlt(trx, sellerIdOf(principal), params.productId, params.imageId, body.alt),
        ),
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
      const preview = await previewLeft(media.preview, params.productId, hash, query);
      // A preview is the seller's alone: no shared cache keeps it, nor anything past its expiry.
      const cacheControl = preview === undefined ? CACHE_CONTROL : `private, max-age=${preview}`;
      const cacheHeaders = { 'Cache-Control': cacheControl, ETag: etag };
      const notFound = () => new AppError('not_found', `There is no image ${params.file} for this product.`);
      const anyStatus = preview !== undefined;
      const served = await media.variant(params.productId, hash, width, { anyStatus });
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
