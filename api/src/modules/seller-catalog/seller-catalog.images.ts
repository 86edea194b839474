import type { ImageJson } from '../catalog/catalog.table.js';
import { recordEvents } from '../events/index.js';
import { lockOwnedProduct, readSellerProduct } from './product-access.service.js';
import { productEvent } from './seller-catalog.events.js';
import type { Db } from './seller-catalog.repository.js';
import * as repo from './seller-catalog.repository.js';

/** What a change of a product's images sees: the product under its row lock. */
export interface ImagesOfProduct {
  title: string;
  images: ImageJson[];
}

/**
 * Changes the images of a product of the seller in the transaction `trx`, holding the product's row
 * lock (so concurrent changes to one product run one after the other). `change` answers the new list
 * and a result; when the list differs it is written and `product.updated` (`changed: [images]`) is
 * recorded. A product of another seller, or none, is 404.
 */
export async function changeProductImages<T>(
  trx: Db,
  sellerId: string,
  productId: string,
  change: (product: ImagesOfProduct) => Promise<{ images: ImageJson[]; result: T }>,
): Promise<T> {
  const current = await lockOwnedProduct(trx, sellerId, productId);
  const { images, result } = await change({ title: current.title, images: current.images });
  if (JSON.stringify(images) !== JSON.stringify(current.images)) {
    await repo.updateProduct(trx, productId, { images });
    await recordEvents(trx, [
      productEvent('product.updated', sellerId, productId, {
        handle: current.handle,
        title: current.title,
        status: current.status,
        changed: ['images'],
      }),
    ]);
  }
  return result;
}

/** The images of a product of the seller (404 when it has none by that id). */
export async function productImages(db: Db, sellerId: string, productId: string): Promise<ImageJson[]> {
  return (await readSellerProduct(db, sellerId, productId)).images;
}

/**
 * Images as a create or update sends them, as stored: without the `preview_url` the seller's image
 * views add (a signature that expires is never part of the product).
 */
export function storedImages(images: readonly (ImageJson & { preview_url?: string })[]): ImageJson[] {
  return images.map(({ preview_url: _signed, ...image }) => image);
}
