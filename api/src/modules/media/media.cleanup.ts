import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ObjectStorage } from '../../storage/index.js';
import { legacyMediaFolder, mediaKeys } from './media.keys.js';
import * as repo from './media.repository.js';

type Db = Kysely<Database>;

/**
 * Removes the stored files of one picture (its original and every rendered variant) unless some
 * product's images still name them: after an image is deleted, after a product's images are replaced,
 * after a product is deleted, after an upload that stored them rolled back. `servedAs` are the
 * products whose URLs named the picture: a copy kept under their pre-content-addressing folder goes
 * once no product shows the picture under that product's URL. Answers how many objects went.
 *
 * The check and the deletes hold the folder's lock (see lockStoredImage), which an upload holds from
 * before it looks for the files until it commits: either the upload's reference is seen, or the
 * upload runs after and stores the files again. It opens its own short transaction on purpose: it
 * runs after a write has committed (an after-commit step of the write owner) or as a clean-up, never
 * inside a request's write, and must see what the write committed.
 */
export async function sweepStoredImage(
  { db, storage }: { db: Db; storage: ObjectStorage },
  hash: string,
  servedAs: readonly string[] = [],
): Promise<number> {
  const { folder } = mediaKeys(hash);
  return db.transaction().execute(async (trx) => {
    await repo.lockStoredImage(trx, folder);
    let removed = 0;
    for (const productId of servedAs) removed += await removeLegacyCopy(trx, storage, productId, hash);
    if (!(await repo.isReferenced(trx, folder))) removed += await storage.deletePrefix(folder);
    return removed;
  });
}

/** Removes `products/<id>/<hash>/` unless a product shows the picture under that product's URL. */
async function removeLegacyCopy(trx: Db, storage: ObjectStorage, productId: string, hash: string) {
  // Any product, published or not: a draft still shows the picture.
  if (await repo.isServedAs(trx, productId, mediaKeys(hash).folder, true)) return 0;
  return storage.deletePrefix(legacyMediaFolder(productId, hash));
}

/**
 * Removes a picture's copy under its product's pre-content-addressing folder unless some product still
 * shows it under that product's URL (the sweep's part for those folders: the content-addressed folder
 * has its own pass). Holds the picture's folder lock, as sweepStoredImage does. Answers how many
 * objects went.
 */
export function sweepLegacyImage(
  { db, storage }: { db: Db; storage: ObjectStorage },
  productId: string,
  hash: string,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await repo.lockStoredImage(trx, mediaKeys(hash).folder);
    return removeLegacyCopy(trx, storage, productId, hash);
  });
}
