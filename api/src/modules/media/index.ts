/** Public surface of the media module: product image uploads, storage and resized variants. */
export { FULL_WIDTH, inspectUpload, OUTPUT, render, VARIANT_WIDTHS } from './media.images.js';
export {
  createMediaService,
  type MediaLimits,
  type MediaService,
  mediaKeys,
  mediaPublicUrl,
} from './media.service.js';
