import { type Kysely, sql } from 'kysely';
import { executePrepared } from '../../db/prepared.js';
import type { Database } from '../../db/schema.js';

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

/**
 * True when some product shows the folder under a URL of `productId` (its own upload, or borrowed).
 * Case-insensitive: pre-content-addressing folders hold the product id in lower case. Prepared: it
 * runs on every image request, and planning it cost PostgreSQL more than running it.
 */
export async function isServedAs(db: Db, productId: string, storagePrefix: string): Promise<boolean> {
  const query = db
    .selectFrom('product_image_files')
    .select('product_id')
    .where('storage_prefix', '=', storagePrefix)
    .where(sql<string>`lower(served_as)`, '=', productId.toLowerCase())
    .limit(1);
  const { rows } = await executePrepared(db, query);
  return rows.length > 0;
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
