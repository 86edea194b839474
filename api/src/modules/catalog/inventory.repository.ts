import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * Takes stock for each item atomically: the decrement only happens where enough is left, so stock
 * never goes below zero whatever runs concurrently (the row lock orders the competitors, and each
 * re-checks the condition after waiting). Items are taken in variant id order so two checkouts
 * never wait on each other in a cycle. Returns the items that could not be taken (and takes
 * nothing else is implied: the caller rolls the transaction back).
 */
export async function takeStock(
  trx: Kysely<Database>,
  items: readonly { variantId: string; quantity: number }[],
): Promise<{ variantId: string; requested: number; available: number }[]> {
  const short: { variantId: string; requested: number; available: number }[] = [];
  for (const item of [...items].sort((a, b) => (a.variantId < b.variantId ? -1 : 1))) {
    const taken = await sql<{ id: string }>`
      UPDATE variants SET inventory_quantity = inventory_quantity - ${item.quantity}
       WHERE id = ${item.variantId} AND inventory_quantity >= ${item.quantity}
      RETURNING id
    `.execute(trx);
    if (taken.rows.length === 0) {
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
  }
  return short;
}

/** Puts stock back (a cancelled order's lines). Variants deleted since are skipped. */
export async function returnStock(
  trx: Kysely<Database>,
  items: readonly { variantId: string; quantity: number }[],
) {
  for (const item of [...items].sort((a, b) => (a.variantId < b.variantId ? -1 : 1))) {
    await sql`UPDATE variants SET inventory_quantity = inventory_quantity + ${item.quantity} WHERE id = ${item.variantId}`.execute(
      trx,
    );
  }
}

/** Current stock of variants (for events after a change). */
export async function stockOf(trx: Kysely<Database>, variantIds: readonly string[]) {
  if (variantIds.length === 0) return [];
  return trx
    .selectFrom('variants')
    .select(['id', 'product_id', 'sku', 'inventory_quantity'])
    .where('id', 'in', variantIds)
    .execute();
}
