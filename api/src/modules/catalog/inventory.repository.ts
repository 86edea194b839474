import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';

/** A variant's stock after a change, with what it was before. */
export interface StockChange {
  variantId: string;
  productId: string;
  sku: string;
  inventoryQuantity: number;
  previousQuantity: number;
}

type Item = { variantId: string; quantity: number };

/** Items in variant id order: two transactions then never wait on each other in a cycle. */
const inIdOrder = (items: readonly Item[]) => [...items].sort((a, b) => (a.variantId < b.variantId ? -1 : 1));

/** Adds `delta` to a variant's stock (only where enough is left, when `guarded`); the change, or undefined. */
async function adjust(trx: Kysely<Database>, item: Item, delta: number, guarded: boolean) {
  const result = await sql<{ id: string; product_id: string; sku: string; inventory_quantity: number }>`
    UPDATE variants SET inventory_quantity = inventory_quantity + ${delta}
     WHERE id = ${item.variantId} ${guarded ? sql`AND inventory_quantity >= ${item.quantity}` : sql``}
    RETURNING id, product_id, sku, inventory_quantity
  `.execute(trx);
  const row = result.rows[0];
  return row
    ? {
        variantId: row.id,
        productId: row.product_id,
        sku: row.sku,
        inventoryQuantity: row.inventory_quantity,
        previousQuantity: row.inventory_quantity - delta,
      }
    : undefined;
}

/**
 * Takes stock for each item atomically: the decrement only happens where enough is left, so stock
 * never goes below zero whatever runs concurrently (the row lock orders the competitors, and each
 * re-checks the condition after waiting). Returns what was taken and the items that could not be
 * (the caller then rolls the transaction back).
 */
export async function takeStock(trx: Kysely<Database>, items: readonly Item[]) {
  const taken: StockChange[] = [];
  const short: { variantId: string; requested: number; available: number }[] = [];
  for (const item of inIdOrder(items)) {
    const change = await adjust(trx, item, -item.quantity, true);
    if (change) {
      taken.push(change);
      continue;
    }
    const row = await trx
      .selectFrom('variants')
      .select('inventory_quantity')
      .where('id', '=', item.variantId)
      .executeTakeFirst();
    short.push({
      variantId: item.variantId,
      requested: item.quantity,
      available: row?.inventory_quantity ?? 0,
    });
  }
  return { taken, short };
}

/** Puts stock back (a cancelled order's lines). Variants deleted since are skipped. */
export async function returnStock(trx: Kysely<Database>, items: readonly Item[]): Promise<StockChange[]> {
  const changes: StockChange[] = [];
  for (const item of inIdOrder(items)) {
    const change = await adjust(trx, item, item.quantity, false);
    if (change) changes.push(change);
  }
  return changes;
}

/**
 * Sets (`quantity`) or shifts (`adjust`) the stock of variants in one statement. The delta is added
 * to the stock as it is at write time and a row that would go below zero is left alone, so the
 * caller compares the returned rows with what it asked for.
 */
export async function applyStock(
  db: Kysely<Database>,
  changes: readonly { id: string; quantity: number | null; adjust: number | null }[],
): Promise<{ id: string; inventory_quantity: number }[]> {
  if (changes.length === 0) return [];
  const next = sql`coalesce(u.quantity, v.inventory_quantity + u.adjust)`;
  const result = await sql<{ id: string; inventory_quantity: number }>`
    UPDATE variants v SET inventory_quantity = ${next}
      FROM unnest(${changes.map((c) => c.id)}::text[], ${changes.map((c) => c.quantity)}::int[],
                  ${changes.map((c) => c.adjust)}::int[]) AS u(id, quantity, adjust)
     WHERE v.id = u.id AND ${next} >= 0
    RETURNING v.id, v.inventory_quantity
  `.execute(db);
  return result.rows;
}
