import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ObjectStorage } from '../../storage/index.js';
import type { ImageJson } from '../catalog/catalog.table.js';

type Db = Kysely<Database>;

/** `products/<id>/`: every stored file of a product's images (originals and renderings) lives under it. */
const productFolder = (productId: string) => `products/${productId.toLowerCase()}/`;

/** LIKE pattern matching text that contains `/products/<id>/` (ids hold `_`, a LIKE wildcard). */
const folderPattern = (productId: string) => `%/products/${productId.replace(/[\\%_]/g, '\\$&')}/%`;

/**
 * Hashes of the product's stored images that something still points at: the product's own images,
 * and any product's image whose URL names a file of this product's folder (a seller may reuse a Souk
 * image URL on another product, as a by-URL image).
 */
async function referencedHashes(trx: Db, productId: string): Promise<Set<string>> {
  const rows = await trx
    .selectFrom('products')
    .select('images')
    .where((eb) =>
      eb.or([eb('id', '=', productId), sql<boolean>`images::text ilike ${folderPattern(productId)}`]),
    )
    .execute();
  const url = new RegExp(`/products/${productId}/([0-9a-f]{32})\\.`, 'i');
  const hashes = new Set<string>();
  for (const { images } of rows) {
    for (const image of images as ImageJson[]) {
      const hash = url.exec(image.url)?.[1];
      if (hash) hashes.add(hash.toLowerCase());
    }
  }
  return hashes;
}

/**
 * Removes from storage every image folder of a product (original and every rendered variant) that no
 * product references any more: after an image is deleted, after the product's images are replaced,
 * after the product is deleted. Reconciles the whole folder, so files a failed earlier clean-up left
 * behind go too. Answers how many objects were removed.
 *
 * The check and the deletes run under the product's row lock: an upload stores its files while it
 * holds that lock (before it commits), so it is either seen as a reference or has not stored yet.
 * It opens its own short transaction on purpose: it runs after a write has committed (an after-commit
 * step of the write owner) or as a clean-up, never inside a request's write, and must see what the
 * write committed.
 */
export async function sweepProductMedia(
  { db, storage }: { db: Db; storage: ObjectStorage },
  productId: string,
): Promise<number> {
  const prefix = productFolder(productId);
  const stored = new Set((await storage.list(prefix)).map((key) => key.slice(prefix.length).split('/')[0]));
  if (stored.size === 0) return 0;
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom('products').select('id').where('id', '=', productId).forUpdate().execute();
    const referenced = await referencedHashes(trx, productId);
    let removed = 0;
    for (const hash of stored) {
      if (hash && !referenced.has(hash)) removed += await storage.deletePrefix(`${prefix}${hash}/`);
    }
    return removed;
  });
}

/** Ids of the products whose stored files these images' URLs name (`…/products/<id>/<hash>.webp`). */
export function productsNamedBy(images: readonly Pick<ImageJson, 'url'>[]): string[] {
  const ids = images.flatMap(
    (i) => /\/products\/(prod_[0-9A-Za-z]+)\/[0-9a-f]{32}\.\w+$/.exec(i.url)?.[1] ?? [],
  );
  return [...new Set(ids)];
}
