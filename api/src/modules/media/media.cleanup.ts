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
    for (const productId of servedAs) {
      if (!(await repo.isServedAs(trx, productId, folder))) {
        removed += await storage.deletePrefix(legacyMediaFolder(productId, hash));
      }
    }
    if (!(await repo.isReferenced(trx, folder))) removed += await storage.deletePrefix(folder);
    return removed;
  });
}
