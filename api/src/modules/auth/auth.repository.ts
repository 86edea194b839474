import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ApiKeyKind } from './auth.table.js';

type Db = Kysely<Database>;

const PUBLIC_COLUMNS = [
  'id',
  'kind',
  'seller_id',
  'name',
  'prefix',
  'created_at',
  'revoked_at',
  'last_used_at',
] as const;

/** A key as listings show it: never the hash, never the key. */
export type ApiKeyRecord = NonNullable<Awaited<ReturnType<typeof findKeyById>>>;

/** The key with this hash, with its seller's status (null for non-seller keys). */
export async function findKeyByHash(db: Db, hash: string) {
  return db
    .selectFrom('api_keys as k')
    .leftJoin('sellers as s', 's.id', 'k.seller_id')
    .select(['k.id', 'k.kind', 'k.seller_id', 'k.revoked_at', 'k.last_used_at'])
    .where('k.hash', '=', hash)
    .executeTakeFirst();
}

export async function findKeyById(db: Db, id: string) {
  return db.selectFrom('api_keys').select(PUBLIC_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** The stored hash of a key (to address it in the shared cache). */
export async function findHashById(db: Db, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('api_keys').select('hash').where('id', '=', id).executeTakeFirst();
  return row?.hash;
}

export async function insertKey(
  db: Db,
  row: { id: string; kind: ApiKeyKind; seller_id: string | null; name: string; prefix: string; hash: string },
) {
  return db.insertInto('api_keys').values(row).returning(PUBLIC_COLUMNS).executeTakeFirstOrThrow();
}

/** Marks a key revoked (once); returns the row, or undefined when no such key exists. */
export async function revokeKey(db: Db, id: string) {
  return db
    .updateTable('api_keys')
    .set({ revoked_at: sql`coalesce(revoked_at, now())` })
    .where('id', '=', id)
    .returning(PUBLIC_COLUMNS)
    .executeTakeFirst();
}

export async function listKeys(db: Db, filter: { sellerId?: string; kind?: ApiKeyKind }) {
  return db
    .selectFrom('api_keys')
    .select(PUBLIC_COLUMNS)
    .$if(filter.sellerId !== undefined, (q) => q.where('seller_id', '=', filter.sellerId ?? ''))
    .$if(filter.kind !== undefined, (q) => q.where('kind', '=', filter.kind ?? 'publishable'))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function touchKey(db: Db, id: string) {
  await db.updateTable('api_keys').set({ last_used_at: sql`now()` }).where('id', '=', id).execute();
}

/** True when any of these key hashes is stored and not revoked. */
export async function anyActiveKeyWithHash(db: Db, hashes: readonly string[]) {
  const row = await db
    .selectFrom('api_keys')
    .select('id')
    .where('hash', 'in', hashes)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}
