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
 * A published product of an active seller by id or handle, in one prepared statement: a primary-key
 * (or handle) look-up with its read-model row and stock, or undefined.
 */
export async function findProduct(
  db: Db,
  idOrHandle: string,
  currency: string,
): Promise<StoredProduct | undefined> {
  const result = HANDLE.test(idOrHandle)
    ? await byHandle(db, { key: idOrHandle, currency })
    : await byId(db, { id: idOrHandle, currency });
  return result.rows[0] as StoredProduct | undefined;
}
