import { type RequestOptions, type SoukCore, unwrap } from './core.js';
import type { PathParams, RequestBody, ResponseBody } from './types.js';

type ProductId = PathParams<'listSellerProductImages'>['productId'];
type ImageId = PathParams<'updateSellerProductImage'>['imageId'];

/** An image file to upload: bytes, or a `Blob`/`File` (its `type` is sent as `Content-Type`). */
export type ImageFile = Blob | ArrayBuffer | Uint8Array;

/** The widths `?w=` accepts on an image URL served by Souk (see `imageSrcSet`). */
export const IMAGE_WIDTHS = [160, 320, 480, 640, 960, 1280, 1600] as const;

/**
 * A `srcset` for an image uploaded to Souk (one with an `id`): its URL at each listed width up to
 * its own. An image given by URL (no `id`) has no variants: its single URL is returned.
 */
export function imageSrcSet(image: { id?: string; url: string; width: number }): string {
  if (!image.id) return image.url;
  const widths = IMAGE_WIDTHS.filter((w) => w < image.width);
  const sep = image.url.includes('?') ? '&' : '?';
  return [...widths.map((w) => `${image.url}${sep}w=${w} ${w}w`), `${image.url} ${image.width}w`].join(', ');
}

/** A product's images (`/seller/products/{productId}/images`): upload, reorder, alt text, delete. */
export function createProductImagesApi(core: SoukCore) {
  const { api } = core;
  return {
    /** The product's images in display order. */
    list: (productId: ProductId, options?: RequestOptions) =>
      unwrap<ResponseBody<'listSellerProductImages'>>(
        api.GET('/seller/products/{productId}/images', {
          params: { path: { productId } },
          ...core.init(options),
        }),
      ),
    /**
     * Uploads an image file (JPEG, PNG, WebP, AVIF or GIF; its type is read from the content) and
     * appends it to the product's images. Safe to retry: it carries an `Idempotency-Key`.
     */
    upload: (
      productId: ProductId,
      file: ImageFile,
      input: { alt?: string } = {},
      options?: RequestOptions,
    ) => {
      const type = file instanceof Blob && file.type ? file.type : 'application/octet-stream';
      const init = core.init(options);
      return unwrap<ResponseBody<'uploadSellerProductImage'>>(
        api.POST('/seller/products/{productId}/images', {
          params: {
            path: { productId },
            query: input.alt === undefined ? {} : { alt: input.alt },
            header: core.idempotency(options),
          },
          // The file goes as the body itself, not JSON.
          body: file as never,
          bodySerializer: (body: unknown) => body,
          ...init,
          headers: { ...init.headers, 'Content-Type': type },
        }),
      );
    },
    /** Sets the display order: every uploaded image's id, once each. */
    reorder: (
      productId: ProductId,
      body: RequestBody<'reorderSellerProductImages'>,
      options?: RequestOptions,
    ) =>
      unwrap<ResponseBody<'reorderSellerProductImages'>>(
        api.PUT('/seller/products/{productId}/images/order', {
          params: { path: { productId } },
          body,
          ...core.init(options),
        }),
      ),
    /** Changes an image's alt text. */
    update: (
      productId: ProductId,
      imageId: ImageId,
      body: RequestBody<'updateSellerProductImage'>,
      options?: RequestOptions,
    ) =>
      unwrap<ResponseBody<'updateSellerProductImage'>>(
        api.PATCH('/seller/products/{productId}/images/{imageId}', {
          params: { path: { productId, imageId } },
          body,
          ...core.init(options),
        }),
      ),
    /** Deletes an image and its files. */
    delete: (productId: ProductId, imageId: ImageId, options?: RequestOptions) =>
      unwrap<undefined>(
        api.DELETE('/seller/products/{productId}/images/{imageId}', {
          params: { path: { productId, imageId } },
          ...core.init(options),
        }),
      ),
  };
}
