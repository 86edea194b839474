import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { PriceRow } from './seller-catalog.repository.js';

type Db = Kysely<Database>;

/** Which of these SKUs a variant other than `exceptVariantId` already has. */
export async function findTakenSkus(
  db: Db,
  skus: readonly string[],
  exceptVariantId?: string,
): Promise<string[]> {
  if (skus.length === 0) return [];
  const rows = await db
    .selectFrom('variants')
    .select('sku')
    .where('sku', 'in', skus)
    .$if(exceptVariantId !== undefined, (qb) => qb.where('id', '<>', exceptVariantId ?? ''))
    .orderBy('sku')
    .execute();
  return rows.map((r) => r.sku);
}

/** A product's variants in display order, each with whether it has any price. */
export async function findVariants(db: Db, productId: string) {
  return db
    .selectFrom('variants as v')
    .select([
      'v.id',
      'v.sku',
      'v.title',
      'v.options',
      'v.inventory_quantity',
      'v.position',
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('variant_prices as vp')
              .select('vp.currency')
              .whereRef('vp.variant_id', '=', 'v.id'),
          )
          .as('priced'),
    ])
    .where('v.product_id', '=', productId)
    .orderBy('v.position')
    .orderBy('v.id')
    .execute();
}

/** The prices of one variant, by currency. */
export async function findPrices(db: Db, variantId: string): Promise<PriceRow[]> {
  return db
    .selectFrom('variant_prices')
    .select(['amount', 'currency'])
    .where('variant_id', '=', variantId)
    .orderBy('currency')
    .execute();
}

/** A variant and its prices. */
export interface NewVariant {
  id: string;
  product_id: string;
  sku: string;
  title: string;
  options: Record<string, string>;
  inventory_quantity: number;
  position: number;
  prices: PriceRow[];
}

export async function insertVariants(db: Db, variants: readonly NewVariant[]): Promise<void> {
  if (variants.length === 0) return;
  await db
    .insertInto('variants')
    .values(variants.map(({ prices: _prices, ...v }) => ({ ...v, options: JSON.stringify(v.options) })))
    .execute();
  const prices = variants.flatMap((v) =>
    v.prices.map((p) => ({ variant_id: v.id, product_id: v.product_id, ...p })),
  );
  if (prices.length > 0) await db.insertInto('variant_prices').values(prices).execute();
}

export async function nextVariantPosition(db: Db, productId: string): Promise<number> {
  const row = await db
    .selectFrom('variants')
    .select(sql<number>`coalesce(max(position) + 1, 0)::int`.as('next'))
    .where('product_id', '=', productId)
    .executeTakeFirstOrThrow();
  return row.next;
}

export async function updateVariant(
  db: Db,
  variantId: string,
  patch: { sku?: string; title?: string; options?: Record<string, string> },
): Promise<void> {
  const { options, ...rest } = patch;
  if (Object.keys(patch).length === 0) return;
  await db
    .updateTable('variants')
    .set({ ...rest, ...(options === undefined ? {} : { options: JSON.stringify(options) }) })
    .where('id', '=', variantId)
    .execute();
}

/** Replaces every price of a variant. */
export async function replacePrices(
  db: Db,
  variant: { id: string; product_id: string },
  prices: readonly PriceRow[],
): Promise<void> {
  await db.deleteFrom('variant_prices').where('variant_id', '=', variant.id).execute();
  if (prices.length > 0) {
    await db
      .insertInto('variant_prices')
      .values(prices.map((p) => ({ variant_id: variant.id, product_id: variant.product_id, ...p })))
      .execute();
  }
}

export async function deleteVariant(db: Db, variantId: string): Promise<void> {
  await db.deleteFrom('variants').where('id', '=', variantId).execute();
}

/**
 * Locks the seller's variants among these ids and SKUs, in id order (concurrent bulk updates then
 * lock in the same order and cannot deadlock). Variants of other sellers are never returned.
 */
export async function lockSellerVariants(
  db: Db,
  sellerId: string,
  ids: readonly string[],
  skus: readonly string[],
) {
  if (ids.length === 0 && skus.length === 0) return [];
  return db
    .selectFrom('variants as v')
    .innerJoin('products as p', 'p.id', 'v.product_id')
    .select(['v.id', 'v.product_id', 'v.sku', 'v.inventory_quantity'])
    .where('p.seller_id', '=', sellerId)
    .where((eb) =>
      eb.or([
        ...(ids.length > 0 ? [eb('v.id', 'in', ids)] : []),
        ...(skus.length > 0 ? [eb('v.sku', 'in', skus)] : []),
      ]),
    )
    .orderBy('v.id')
    .forUpdate('v')
    .execute();
}
