/** Public surface of the media module: product image uploads, storage and resized variants. */
export { FULL_WIDTH, inspectUpload, OUTPUT, render, VARIANT_WIDTHS } from './media.images.js';
export { imageFilesNamedBy, mediaKeys } from './media.keys.js';
export { createPreviewSigner, mediaPreviewKey } from './media.preview.js';
export { createMediaService, type MediaLimits, type MediaService, mediaPublicUrl } from './media.service.js';
