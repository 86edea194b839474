import { type Kysely, sql } from 'kysely';
import { preparedStatement } from '../../db/prepared.js';
import type { Database } from '../../db/schema.js';
import type { SellerStatus } from '../sellers/sellers.table.js';
import { storedProduct } from './catalog.repository.js';

type Db = Kysely<Database>;

/** A product's stored storefront JSON and its variants' stock in order. */
export interface StoredProduct {
  body: string;
  stock: number[];
}

/**
 * What a product handle may be (the `handle` check of migration 0001). Product ids (`prod_…`) never
 * are one: a value that is not a handle can only be an id.
 */
const HANDLE = /^[a-z0-9][a-z0-9-]{0,99}$/;

/**
 * Published products of active sellers with their stored JSON in `currency` and their stock: the
 * statements below add which product.
 */
function visibleProducts(db: Db, currency: string) {
  const { body, stock } = storedProduct('p', 'rc');
  return db
    .selectFrom('products as p')
    .innerJoin('sellers as s', 's.id', 'p.seller_id')
    .leftJoin('product_read_model as rc', (join) =>
      join.onRef('rc.product_id', '=', 'p.id').on('rc.currency', '=', currency),
    )
    .select([body.as('body'), stock.as('stock')])
    .where('p.status', '=', sql.lit('published'))
    .where('s.status', '=', sql.lit('active' satisfies SellerStatus));
}

/** One product by primary key: no page, keyset or sort around it. */
const byId = preparedStatement((db: Db, p: { id: string; currency: string }) =>
  visibleProducts(db, p.currency).where('p.id', '=', p.id),
);

/**
 * The same by handle, or by id for an id that looks like a handle (none is made so, but nothing forbids
 * one): the newer of the two, as the listing's order would pick it.
 */
const byHandle = preparedStatement((db: Db, p: { key: string; currency: string }) =>
  visibleProducts(db, p.currency)
    .where((eb) => eb.or([eb('p.handle', '=', p.key), eb('p.id', '=', p.key)]))
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(sql.lit(1)),
);

/**
 * The id of the product that had `handle` before a rename (migration 0023), when no product has it
 * now: a product that took the handle since owns it, whatever its status. As a sub-select.
 */
function oldHandleOwner(db: Db, handle: string) {
  return db
    .selectFrom('product_old_handles as o')
    .select('o.product_id')
    .where('o.handle', '=', handle)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('products as taken').select('taken.id').where('taken.handle', '=', handle))),
    );
}

/** A product by a handle it had before a rename. */
const byOldHandle = preparedStatement((db: Db, p: { key: string; currency: string }) =>
  visibleProducts(db, p.currency).where('p.id', '=', oldHandleOwner(db, p.key)),
);

/** The product (any status) that had `handle` before a rename and that no product has now, if any. */
export async function productIdByOldHandle(db: Db, handle: string): Promise<string | undefined> {
  return (await oldHandleOwner(db, handle).executeTakeFirst())?.product_id;
}

/**
 * A published product of an active seller by id or handle (or a handle it had before a rename), with
 * its read-model row and stock, or undefined. One prepared statement for a product found by id or by
 * its handle; a second only for a key no product has now.
 */
export async function findProduct(
  db: Db,
  idOrHandle: string,
  currency: string,
): Promise<StoredProduct | undefined> {
  if (!HANDLE.test(idOrHandle)) {
    return (await byId(db, { id: idOrHandle, currency })).rows[0] as StoredProduct | undefined;
  }
  const found = (await byHandle(db, { key: idOrHandle, currency })).rows[0];
  if (found) return found as StoredProduct;
  return (await byOldHandle(db, { key: idOrHandle, currency })).rows[0] as StoredProduct | undefined;
}
