import { type Kysely, sql } from 'kysely';
import { preparedStatement } from '../../db/prepared.js';
import type { Database } from '../../db/schema.js';
import type { SellerStatus } from '../sellers/sellers.table.js';

type Db = Kysely<Database>;

/**
 * Holds, until `trx` ends, the lock of one stored image folder: an upload that stores (or reuses) the
 * folder and the clean-up that may delete it take it, so a clean-up never deletes files an upload
 * committing at the same moment relies on. An advisory lock: the folder has no row to lock before
 * its first reference commits.
 */
export async function lockStoredImage(trx: Db, storagePrefix: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`media:${storagePrefix}`}, 0))`.execute(trx);
}

/** True when any product's images name the folder (an exact lookup on an index). */
export async function isReferenced(db: Db, storagePrefix: string): Promise<boolean> {
  const row = await db
    .selectFrom('product_image_files')
    .select('product_id')
    .where('storage_prefix', '=', storagePrefix)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

// Built and compiled once (see preparedStatement), then only filled in: Kysely's building and
// compiling was part of what every image request paid for the check.
const servedAs = preparedStatement(
  (db: Db, p: { servedAs: string; storagePrefix: string; anyStatus: boolean }) =>
    db
      .selectFrom('product_image_files as f')
      .innerJoin('products as p', 'p.id', 'f.product_id')
      .innerJoin('sellers as s', 's.id', 'p.seller_id')
      .select('f.product_id')
      .where('f.storage_prefix', '=', p.storagePrefix)
      .where(sql<string>`lower(f.served_as)`, '=', p.servedAs)
      .where((eb) =>
        eb.or([
          sql<boolean>`${p.anyStatus}::boolean`,
          eb.and([
            eb('p.status', '=', sql.lit('published')),
            eb('s.status', '=', sql.lit('active' satisfies SellerStatus)),
          ]),
        ]),
      )
      .limit(1),
);

/**
 * True when some product shows the folder under a URL of `productId` (its own upload, or borrowed):
 * with `anyStatus` false (the public URL), only a published product of an active seller counts, the
 * storefront's rule; true (a signed preview), any product. Case-insensitive: pre-content-addressing
 * folders hold the product id in lower case. One prepared statement for both (`anyStatus` is a
 * parameter): planning it cost PostgreSQL more than running it. The folder's index finds the few
 * rows; the product and seller are primary-key look-ups.
 */
export async function isServedAs(
  db: Db,
  productId: string,
  storagePrefix: string,
  anyStatus: boolean,
): Promise<boolean> {
  const { rows } = await servedAs(db, { servedAs: productId.toLowerCase(), storagePrefix, anyStatus });
  return rows.length > 0;
}

/**
 * The key that signs preview URLs when none is configured: `candidate` if this is the first process
 * on the database to ask, else the one stored before (one statement, so concurrent first starts agree).
 */
export async function previewKey(db: Db, candidate: Buffer): Promise<Buffer> {
  const row = await db
    .insertInto('media_preview_key')
    .values({ key: candidate })
    .onConflict((oc) => oc.column('id').doUpdateSet({ key: sql`media_preview_key.key` }))
    .returning('key')
    .executeTakeFirstOrThrow();
  return Buffer.from(row.key);
}

/**
 * Which (product in the URL, storage prefix) pairs some product's images name among those of
 * `storagePrefixes`, as `<served_as in lower case> <storage prefix>` (one indexed look-up for the batch).
 */
export async function servedAmong(db: Db, storagePrefixes: readonly string[]): Promise<Set<string>> {
  if (storagePrefixes.length === 0) return new Set();
  const rows = await db
    .selectFrom('product_image_files')
    .select(['served_as', 'storage_prefix'])
    .distinct()
    .where('storage_prefix', 'in', storagePrefixes)
    .execute();
  return new Set(rows.map((r) => `${r.served_as.toLowerCase()} ${r.storage_prefix}`));
}

/** Which of `storagePrefixes` some product's images name (one indexed look-up for the batch). */
export async function referencedAmong(db: Db, storagePrefixes: readonly string[]): Promise<Set<string>> {
  if (storagePrefixes.length === 0) return new Set();
  const rows = await db
    .selectFrom('product_image_files')
    .select('storage_prefix')
    .distinct()
    .where('storage_prefix', 'in', storagePrefixes)
    .execute();
  return new Set(rows.map((r) => r.storage_prefix));
}
