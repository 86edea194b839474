import type { components } from '../../generated/openapi.js';
import type { ImageJson } from '../catalog/catalog.table.js';
import { imageFilesNamedBy } from './media.keys.js';
import type { PreviewSigner } from './media.preview.js';

export type SellerImage = components['schemas']['SellerImage'];

/**
 * An image as its seller sees it (`SellerImage`): an uploaded one also carries `preview_url`, its URL
 * signed for a while, which serves the picture even while no published product shows it.
 */
export async function toSellerImage(
  image: ImageJson,
  preview: Pick<PreviewSigner, 'sign'>,
): Promise<SellerImage> {
  const [file] = imageFilesNamedBy([image]);
  if (image.id === undefined || !file) return image;
  return { ...image, preview_url: `${image.url}?${await preview.sign(file.servedAs, file.hash)}` };
}
