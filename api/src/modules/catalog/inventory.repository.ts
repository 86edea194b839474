import { type Kysely, sql } from 'kysely';
import { PREPARED_MARK } from '../../db/prepared.js';
import type { Database } from '../../db/schema.js';
import { currentActorJson } from '../../lib/actor.js';
import { newId } from '../../lib/ids.js';

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

/** An item to take stock for, with the seller its `inventory.updated` event names. */
type TakeItem = Item & { sellerId: string | null };

/**
 * Takes stock for every item in one statement, and records each change's `inventory.updated` event
 * (the payload `inventoryUpdated` builds) in the same statement: a caller that runs it last holds the
 * variants' row locks for this one round trip and its commit. A decrement only happens where enough
 * is left, so stock never goes below zero whatever runs concurrently: the rows are locked in variant
 * id order (two transactions never wait on each other in a cycle) and the condition is re-checked
 * on the row as it is once the lock is held. Returns what was taken and the items that could not be;
 * when any could not, the caller must roll back (the other items' decrements and events are written).
 * Its text does not vary (the items are arrays), so it runs prepared, and on its generic plan after
 * five executions: it is not planned again on every checkout.
 */
export async function takeStock(trx: Kysely<Database>, items: readonly TakeItem[]) {
  const sorted = inIdOrder(items) as TakeItem[];
  const ids = sorted.map((i) => i.variantId);
  const result = await sql<{
    id: string;
    quantity: number;
    available: number | null;
    product_id: string | null;
    sku: string | null;
    inventory_quantity: number | null;
  }>`${sql.raw(PREPARED_MARK)}
    WITH r AS (
      -- The ids through a sub-select, here and in locked: a custom plan, which sees the arrays, would
      -- estimate their true length and always look cheaper than the generic plan's default of 10,
      -- so every execution was planned again; with the lengths unknown to both, the generic plan
      -- (same joins, same index) is kept after the first five executions.
      SELECT * FROM unnest((SELECT ${ids}::text[]), ${sorted.map((i) => i.quantity)}::int[],
                           ${sorted.map(() => newId('evt'))}::text[], ${sorted.map((i) => i.sellerId)}::text[])
        AS r(id, quantity, event_id, seller_id)
    ), locked AS MATERIALIZED (
      -- NO KEY UPDATE, the lock the UPDATE takes: FOR UPDATE would also wait for the KEY SHARE locks
      -- that other checkouts' order lines (foreign key to the variant) hold, and deadlock with them.
      SELECT id, inventory_quantity FROM variants WHERE id = ANY((SELECT ${ids}::text[])::text[])
       ORDER BY id FOR NO KEY UPDATE
    ), taken AS (
      -- Checked on the locked row (the latest, held until commit), not on this statement's snapshot,
      -- which may predate a restock that committed while the lock was awaited.
      UPDATE variants v SET inventory_quantity = v.inventory_quantity - r.quantity
        FROM locked l, r
       WHERE v.id = l.id AND r.id = l.id AND l.inventory_quantity >= r.quantity
      RETURNING v.id, v.product_id, v.sku, v.inventory_quantity, r.quantity, r.event_id, r.seller_id
    ), recorded AS (
      INSERT INTO outbox_events (id, type, aggregate_type, aggregate_id, seller_id, data, actor)
      SELECT t.event_id, 'inventory.updated', 'variant', t.id, t.seller_id,
             jsonb_build_object('variant_id', t.id, 'product_id', t.product_id, 'sku', t.sku,
                                'inventory_quantity', t.inventory_quantity,
                                'previous_quantity', t.inventory_quantity + t.quantity),
             ${currentActorJson()}::jsonb
        FROM taken t ORDER BY t.id
    )
    SELECT r.id, r.quantity, l.inventory_quantity AS available, t.product_id, t.sku, t.inventory_quantity
      FROM r LEFT JOIN locked l ON l.id = r.id LEFT JOIN taken t ON t.id = r.id
     ORDER BY r.id
  `.execute(trx);
  const taken: StockChange[] = [];
  const short: { variantId: string; requested: number; available: number }[] = [];
  for (const row of result.rows) {
    if (row.inventory_quantity !== null && row.product_id !== null && row.sku !== null) {
      taken.push({
        variantId: row.id,
        productId: row.product_id,
        sku: row.sku,
        inventoryQuantity: row.inventory_quantity,
        previousQuantity: row.inventory_quantity + row.quantity,
      });
    } else {
      short.push({ variantId: row.id, requested: row.quantity, available: row.available ?? 0 });
    }
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
