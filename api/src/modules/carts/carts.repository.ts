import { type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { CartsTable } from './carts.table.js';

type Db = Kysely<Database>;

/** A cart row as stored. */
export type CartRow = Selectable<CartsTable>;

/**
 * A variant as a cart sees it: what makes it buyable (product status, seller status, a price in the
 * cart's currency, stock) and what a line shows.
 */
export interface VariantForCart {
  variant_id: string;
  variant_title: string;
  sku: string;
  inventory_quantity: number;
  product_id: string;
  product_handle: string;
  product_title: string;
  product_status: Selectable<Database['products']>['status'];
  seller_id: string;
  seller_name: string;
  seller_status: Selectable<Database['sellers']>['status'];
  /** The price in the requested currency; null when the variant has none. */
  unit_amount: number | null;
}

/** A cart line joined with its variant. */
export interface CartLineRow extends VariantForCart {
  item_id: string;
  quantity: number;
}

/** Stores a new, empty, active cart. */
export async function insertCart(db: Db, row: { id: string; currency: string }): Promise<CartRow> {
  return db.insertInto('carts').values(row).returningAll().executeTakeFirstOrThrow();
}

/**
 * A cart by id. With `lock`, the row is locked `FOR UPDATE` until the transaction ends, so every
 * writer of one cart (line changes, checkout) runs one after the other.
 */
export async function findCart(db: Db, id: string, options: { lock: boolean }): Promise<CartRow | undefined> {
  return db
    .selectFrom('carts')
    .selectAll()
    .where('id', '=', id)
    .$if(options.lock, (qb) => qb.forUpdate())
    .executeTakeFirst();
}

/** Sets contact fields (undefined ones are left alone) and bumps `updated_at`. */
export async function updateCartContact(
  db: Db,
  id: string,
  patch: { email?: string | null | undefined; shippingAddress?: string | null | undefined },
): Promise<void> {
  await db
    .updateTable('carts')
    .set({
      updated_at: sql<Date>`now()`,
      ...(patch.email === undefined ? {} : { email: patch.email }),
      ...(patch.shippingAddress === undefined ? {} : { shipping_address: patch.shippingAddress }),
    })
    .where('id', '=', id)
    .execute();
}

/** Marks a change to the cart's lines. */
export async function touchCart(db: Db, id: string): Promise<void> {
  await db.updateTable('carts').set({ updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
}

/**
 * The completion of an active cart as `UPDATE … RETURNING id` (no row when it was not active): a
 * data-modifying CTE of checkout's order statement, which completes the cart with the order.
 */
export const completeCartUpdate = (cartId: string) =>
  sql<{ id: string }>`UPDATE carts SET status = 'completed', completed_at = now(), updated_at = now()
    WHERE id = ${cartId} AND status = 'active' RETURNING id`;

function variantsWithContext(db: Db, currency: string) {
  return db
    .selectFrom('variants as v')
    .innerJoin('products as p', 'p.id', 'v.product_id')
    .innerJoin('sellers as s', 's.id', 'p.seller_id')
    .leftJoin('variant_prices as vp', (join) =>
      join.onRef('vp.variant_id', '=', 'v.id').on('vp.currency', '=', currency),
    )
    .select([
      'v.id as variant_id',
      'v.title as variant_title',
      'v.sku',
      'v.inventory_quantity',
      'p.id as product_id',
      'p.handle as product_handle',
      'p.title as product_title',
      'p.status as product_status',
      's.id as seller_id',
      's.name as seller_name',
      's.status as seller_status',
      'vp.amount as unit_amount',
    ]);
}

/** A variant with its product, seller and price in `currency`; undefined when no such variant exists. */
export async function findVariantForCart(
  db: Db,
  variantId: string,
  currency: string,
): Promise<VariantForCart | undefined> {
  return variantsWithContext(db, currency).where('v.id', '=', variantId).executeTakeFirst();
}

/** Every line of a cart with its variant, oldest first, in one statement. */
export async function findCartLines(db: Db, cartId: string, currency: string): Promise<CartLineRow[]> {
  return variantsWithContext(db, currency)
    .innerJoin('cart_items as ci', 'ci.variant_id', 'v.id')
    .select(['ci.id as item_id', 'ci.quantity'])
    .where('ci.cart_id', '=', cartId)
    .orderBy('ci.created_at')
    .orderBy('ci.id')
    .execute();
}

/** One line of one cart (a line of another cart is not found). */
export async function findItem(db: Db, cartId: string, itemId: string) {
  return db
    .selectFrom('cart_items')
    .select(['id', 'variant_id', 'quantity'])
    .where('cart_id', '=', cartId)
    .where('id', '=', itemId)
    .executeTakeFirst();
}

/** The line of a cart that holds a variant, if any. */
export async function findItemByVariant(db: Db, cartId: string, variantId: string) {
  return db
    .selectFrom('cart_items')
    .select(['id', 'quantity'])
    .where('cart_id', '=', cartId)
    .where('variant_id', '=', variantId)
    .executeTakeFirst();
}

/**
 * Creates the line of a variant or sets the quantity of the existing one (the cart row is locked by
 * the caller, so the quantity it computed is current). Returns false when the variant vanished
 * between the check and the write (foreign key violation).
 */
export async function upsertItem(
  db: Db,
  row: { id: string; cart_id: string; variant_id: string; quantity: number },
): Promise<boolean> {
  try {
    await db
      .insertInto('cart_items')
      .values(row)
      .onConflict((oc) =>
        oc
          .columns(['cart_id', 'variant_id'])
          .doUpdateSet((eb) => ({ quantity: eb.ref('excluded.quantity') })),
      )
      .execute();
    return true;
  } catch (err) {
    if (pgErrorCode(err) === '23503') return false;
    throw err;
  }
}

/** Sets the quantity of a line (the caller checked limits and stock). */
export async function updateItemQuantity(db: Db, itemId: string, quantity: number): Promise<void> {
  await db.updateTable('cart_items').set({ quantity }).where('id', '=', itemId).execute();
}

/** Deletes a line of a cart; false when the cart has no such line. */
export async function deleteItem(db: Db, cartId: string, itemId: string): Promise<boolean> {
  const row = await db
    .deleteFrom('cart_items')
    .where('cart_id', '=', cartId)
    .where('id', '=', itemId)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Flat shipping rates of these sellers in one currency, by seller id. */
export async function findShippingRates(
  db: Db,
  sellerIds: readonly string[],
  currency: string,
): Promise<Map<string, number>> {
  if (sellerIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('shipping_rates')
    .select(['seller_id', 'amount'])
    .where('seller_id', 'in', sellerIds)
    .where('currency', '=', currency)
    .execute();
  return new Map(rows.map((r) => [r.seller_id, r.amount]));
}

/** The tax rate of a country, if the marketplace has one. */
export async function findTaxRate(db: Db, country: string) {
  return db
    .selectFrom('tax_rates')
    .select(['country', 'rate_bps', 'name'])
    .where('country', '=', country)
    .executeTakeFirst();
}

/** Stores shipping rates (the demo seed). */
export async function insertShippingRates(
  db: Db,
  rows: readonly Insertable<Database['shipping_rates']>[],
): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('shipping_rates')
      .values([...rows])
      .execute();
}

/** Stores tax rates (the demo seed). */
export async function insertTaxRates(
  db: Db,
  rows: readonly Insertable<Database['tax_rates']>[],
): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('tax_rates')
      .values([...rows])
      .execute();
}

/** The SQLSTATE of a database error from either driver (pg and PGlite both expose `code`). */
function pgErrorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('code' in err)) return undefined;
  return typeof err.code === 'string' ? err.code : undefined;
}
