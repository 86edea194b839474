import { type Kysely, sql } from 'kysely';
import { PREPARED_MARK } from '../../db/prepared.js';
import type { Database } from '../../db/schema.js';
import { commissionBpsSql } from '../sellers/index.js';
import type { CartLineRow, CartRow } from './carts.repository.js';

type Db = Kysely<Database>;

/** A cart line as the pricing read returns it: the variant, and its seller's shipping rate and commission. */
export interface PricingLineRow extends CartLineRow {
  /** The seller's flat shipping rate in the cart's currency; null when it has none. */
  shipping_amount: number | null;
  /** The seller's commission rate now (its override, else the marketplace default). */
  commission_bps: number;
}

/** Everything pricing a cart needs, read in one statement. */
export interface CartForPricing {
  cart: CartRow;
  /** Oldest first. */
  lines: PricingLineRow[];
  /** The rate of the shipping address's country; undefined without an address or a rate for it. */
  taxRateBps: number | undefined;
}

/** The cart's columns, then one line's (all null together when the cart has no lines: the LEFT JOIN). */
type Row = CartRow & {
  fresh: boolean;
  tax_rate_bps: number | null;
} & { [K in keyof PricingLineRow as `l_${K}`]: PricingLineRow[K] };

// The lines come from a LATERAL join, so a cart without lines still returns its row.
const body = sql`
  SELECT c.*, t.rate_bps AS tax_rate_bps,
         c.xmin = (SELECT x.xmin FROM carts x WHERE x.id = c.id) AS fresh,
         l.item_id AS l_item_id, l.quantity AS l_quantity, l.variant_id AS l_variant_id,
         l.variant_title AS l_variant_title, l.sku AS l_sku, l.inventory_quantity AS l_inventory_quantity,
         l.product_id AS l_product_id, l.product_handle AS l_product_handle,
         l.product_title AS l_product_title, l.product_status AS l_product_status,
         l.seller_id AS l_seller_id, l.seller_name AS l_seller_name, l.seller_status AS l_seller_status,
         l.unit_amount AS l_unit_amount, l.shipping_amount AS l_shipping_amount,
         l.commission_bps AS l_commission_bps
    FROM carts c
    LEFT JOIN LATERAL (
      SELECT ci.id AS item_id, ci.quantity, ci.created_at, v.id AS variant_id, v.title AS variant_title,
             v.sku, v.inventory_quantity, p.id AS product_id, p.handle AS product_handle,
             p.title AS product_title, p.status AS product_status, s.id AS seller_id,
             s.name AS seller_name, s.status AS seller_status, vp.amount AS unit_amount,
             sr.amount AS shipping_amount, ${commissionBpsSql('s')} AS commission_bps
        FROM cart_items ci
        JOIN variants v ON v.id = ci.variant_id
        JOIN products p ON p.id = v.product_id
        JOIN sellers s ON s.id = p.seller_id
        LEFT JOIN variant_prices vp ON vp.variant_id = v.id AND vp.currency = c.currency
        LEFT JOIN shipping_rates sr ON sr.seller_id = s.id AND sr.currency = c.currency
       WHERE ci.cart_id = c.id
    ) l ON true
    LEFT JOIN tax_rates t ON t.country = c.shipping_address ->> 'country'`;

// One fixed text per lock mode, so each runs as a prepared statement (planned once per connection).
const select = (cartId: string, lock: boolean) => sql<Row>`${sql.raw(PREPARED_MARK)}${body}
   WHERE c.id = ${cartId}
   ORDER BY l.created_at, l.item_id
   ${sql.raw(lock ? 'FOR UPDATE OF c' : '')}`;

/**
 * A cart with its lines (each with its variant, price in the cart's currency, its seller's shipping
 * rate and commission) and the tax rate of its destination, in one statement; undefined for an
 * unknown cart. With `lock`, the cart row is locked `FOR UPDATE` until the transaction ends, as
 * `findCart` does: every writer of a cart's lines also updates the cart row, so they run one after
 * the other.
 */
export async function findCartForPricing(
  db: Db,
  cartId: string,
  options: { lock: boolean },
): Promise<CartForPricing | undefined> {
  const run = async () => (await select(cartId, options.lock).execute(db)).rows;
  let rows = await run();
  // Under READ COMMITTED the statement reads the lines from the snapshot it took before waiting for
  // the lock, while the locked cart row is its latest version. A writer that held the lock changed
  // the cart row (line writers touch it), so its row version differs from the snapshot's (`fresh` is
  // false): read again, now holding the lock, to see the lines that writer committed.
  if (options.lock && rows[0] !== undefined && !rows[0].fresh) rows = await run();
  return toPricing(rows);
}

function toPricing(rows: Row[]): CartForPricing | undefined {
  const [first] = rows;
  if (first === undefined) return undefined;
  const cart: CartRow = {
    id: first.id,
    currency: first.currency,
    email: first.email,
    shipping_address: first.shipping_address,
    status: first.status,
    created_at: first.created_at,
    updated_at: first.updated_at,
    completed_at: first.completed_at,
    customer_id: first.customer_id,
  };
  const lines: PricingLineRow[] = [];
  for (const r of rows) {
    // A cart without lines: its one row's line columns are all null.
    if ((r.l_item_id as string | null) === null) continue;
    lines.push({
      item_id: r.l_item_id,
      quantity: r.l_quantity,
      variant_id: r.l_variant_id,
      variant_title: r.l_variant_title,
      sku: r.l_sku,
      inventory_quantity: r.l_inventory_quantity,
      product_id: r.l_product_id,
      product_handle: r.l_product_handle,
      product_title: r.l_product_title,
      product_status: r.l_product_status,
      seller_id: r.l_seller_id,
      seller_name: r.l_seller_name,
      seller_status: r.l_seller_status,
      unit_amount: r.l_unit_amount,
      shipping_amount: r.l_shipping_amount,
      commission_bps: r.l_commission_bps,
    });
  }
  return { cart, lines, taxRateBps: first.tax_rate_bps ?? undefined };
}
