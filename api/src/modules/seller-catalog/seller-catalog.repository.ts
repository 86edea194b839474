import { type Kysely, type SqlBool, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { type Actor, currentActorJson } from '../../lib/actor.js';
import type { ImageJson, ProductStatus } from '../catalog/catalog.table.js';

/** The database handle or the transaction the statements run on. */
export type Db = Kysely<Database>;

/** A price as stored and shown: integer minor units and an ISO 4217 code. */
export interface PriceRow {
  amount: number;
  currency: string;
}

/** One product of a seller with everything the seller sees, read in a single statement. */
export interface SellerProductRow {
  id: string;
  handle: string;
  title: string;
  description: string | null;
  status: ProductStatus;
  seller_id: string;
  attributes: Record<string, unknown>;
  images: ImageJson[];
  created_at: Date;
  updated_at: Date;
  created_by: Actor | null;
  updated_by: Actor | null;
  category_id: string | null;
  category_handle: string | null;
  category_name: string | null;
  options: { id: string; name: string; values: string[] }[];
  variants: {
    id: string;
    sku: string;
    title: string;
    options: Record<string, string>;
    inventory_quantity: number;
    prices: PriceRow[];
  }[];
}

/** Which of a seller's products to read: one by id, or a page newest first after a keyset. */
export interface SellerProductQuery {
  sellerId: string;
  productId?: string | undefined;
  status?: ProductStatus | undefined;
  after?: { createdAt: string; id: string } | undefined;
  limit: number;
}

/**
 * Reads a seller's products, any status, newest first (ties by id). A materialised CTE picks the
 * page; options, variants and prices are aggregated as JSON for just those rows (no N+1).
 */
export async function findSellerProducts(db: Db, query: SellerProductQuery): Promise<SellerProductRow[]> {
  const page = db
    .selectFrom('products as p')
    .selectAll('p')
    .where('p.seller_id', '=', query.sellerId)
    .$if(query.productId !== undefined, (qb) => qb.where('p.id', '=', query.productId ?? ''))
    .$if(query.status !== undefined, (qb) => qb.where('p.status', '=', query.status ?? 'draft'))
    .$if(query.after !== undefined, (qb) =>
      qb.where(
        sql<SqlBool>`(p.created_at, p.id) < (${query.after?.createdAt}::timestamptz, ${query.after?.id})`,
      ),
    )
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(query.limit);

  const result = await sql<SellerProductRow>`
    WITH page AS MATERIALIZED (${page})
    SELECT page.id, page.handle, page.title, page.description, page.status, page.seller_id,
      page.attributes, page.images, page.created_at, page.updated_at, page.created_by, page.updated_by,
      c.id AS category_id, c.handle AS category_handle, c.name AS category_name,
      (SELECT coalesce(json_agg(json_build_object('id', o.id, 'name', o.name, 'values', o.values) ORDER BY o.position), '[]'::json)
         FROM product_options o WHERE o.product_id = page.id) AS options,
      (SELECT coalesce(json_agg(json_build_object(
          'id', v.id, 'sku', v.sku, 'title', v.title, 'options', v.options,
          'inventory_quantity', v.inventory_quantity,
          'prices', (SELECT coalesce(json_agg(json_build_object('amount', vp.amount, 'currency', vp.currency) ORDER BY vp.currency), '[]'::json)
                       FROM variant_prices vp WHERE vp.variant_id = v.id)
        ) ORDER BY v.position, v.id), '[]'::json)
         FROM variants v WHERE v.product_id = page.id) AS variants
    FROM page
    LEFT JOIN categories c ON c.id = page.category_id
    ORDER BY page.created_at DESC, page.id DESC
  `.execute(db);
  return result.rows;
}

/**
 * Locks one product of this seller for the rest of the transaction, so concurrent writes to it and
 * its variants run one after another. Undefined when the seller has no such product.
 */
export async function lockSellerProduct(db: Db, sellerId: string, productId: string) {
  return db
    .selectFrom('products')
    .select(['id', 'handle', 'title', 'description', 'status', 'category_id', 'attributes', 'images'])
    .where('id', '=', productId)
    .where('seller_id', '=', sellerId)
    .forUpdate()
    .executeTakeFirst();
}

/** The id of the category with this id or handle. */
export async function findCategoryId(db: Db, idOrHandle: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('categories')
    .select('id')
    .where((eb) => eb.or([eb('id', '=', idOrHandle), eb('handle', '=', idOrHandle)]))
    .executeTakeFirst();
  return row?.id;
}

/** True when another product than `exceptProductId` has this handle. */
export async function isHandleTaken(db: Db, handle: string, exceptProductId?: string): Promise<boolean> {
  const row = await db
    .selectFrom('products')
    .select('id')
    .where('handle', '=', handle)
    .$if(exceptProductId !== undefined, (qb) => qb.where('id', '<>', exceptProductId ?? ''))
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * A product's handle changes from `from` to `to`: the store API keeps finding it by `from` (the row
 * names the product that had the handle last), and `to` is nobody's old handle any more.
 */
export async function moveHandle(db: Db, productId: string, from: string, to: string): Promise<void> {
  await db
    .insertInto('product_old_handles')
    .values({ handle: from, product_id: productId })
    .onConflict((oc) => oc.column('handle').doUpdateSet({ product_id: productId, replaced_at: sql`now()` }))
    .execute();
  await releaseOldHandle(db, to);
}

/** A product takes `handle`: a product that had it before is no longer found by it. */
export async function releaseOldHandle(db: Db, handle: string): Promise<void> {
  await db.deleteFrom('product_old_handles').where('handle', '=', handle).execute();
}

/** A product's options in display order. */
export async function findOptions(db: Db, productId: string) {
  return db
    .selectFrom('product_options')
    .select(['name', 'values'])
    .where('product_id', '=', productId)
    .orderBy('position')
    .execute();
}

export async function insertProduct(
  db: Db,
  row: {
    id: string;
    seller_id: string;
    handle: string;
    title: string;
    description: string | null;
    category_id: string | null;
    attributes: Record<string, unknown>;
    images: ImageJson[];
  },
): Promise<void> {
  await db
    .insertInto('products')
    .values({
      ...row,
      status: 'draft',
      created_by: currentActorJson(),
      updated_by: currentActorJson(),
      attributes: JSON.stringify(row.attributes),
      images: JSON.stringify(row.images),
    })
    .execute();
}

export async function insertOptions(
  db: Db,
  rows: { id: string; product_id: string; name: string; values: string[]; position: number }[],
): Promise<void> {
  if (rows.length > 0) await db.insertInto('product_options').values(rows).execute();
}

/** Changes product fields and marks the product updated. */
export async function updateProduct(
  db: Db,
  productId: string,
  patch: {
    handle?: string;
    title?: string;
    description?: string | null;
    category_id?: string | null;
    attributes?: Record<string, unknown>;
    images?: ImageJson[];
    status?: ProductStatus;
  },
): Promise<void> {
  const { attributes, images, ...rest } = patch;
  await db
    .updateTable('products')
    .set({
      ...rest,
      ...(attributes === undefined ? {} : { attributes: JSON.stringify(attributes) }),
      ...(images === undefined ? {} : { images: JSON.stringify(images) }),
      updated_by: currentActorJson(),
      updated_at: sql`now()`,
    })
    .where('id', '=', productId)
    .execute();
}

export async function deleteProduct(db: Db, productId: string): Promise<void> {
  await db.deleteFrom('products').where('id', '=', productId).execute();
}

/** The database constraint a failed write violated, when it is one the caller can explain. */
export function constraintViolation(
  err: unknown,
): { kind: 'unique' | 'foreign_key'; constraint: string; detail: string } | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { code, constraint, detail } = err as { code?: unknown; constraint?: unknown; detail?: unknown };
  const kind = code === '23505' ? 'unique' : code === '23503' ? 'foreign_key' : undefined;
  if (!kind) return undefined;
  return {
    kind,
    constraint: typeof constraint === 'string' ? constraint : '',
    detail: typeof detail === 'string' ? detail : '',
  };
}
