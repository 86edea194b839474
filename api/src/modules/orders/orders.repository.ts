import { type Insertable, type Kysely, sql } from 'kysely';
import { executePrepared } from '../../db/prepared.js';
import type { Database } from '../../db/schema.js';
import { currentActorJson } from '../../lib/actor.js';
import type { Keyset } from '../../lib/cursor.js';
import type { ImageJson } from '../catalog/catalog.table.js';
import type { OutboxRow } from '../events/index.js';
import type { OrderStatus, SellerOrderStatus } from './orders.table.js';

type Db = Kysely<Database>;
type Row<T extends keyof Database> = Insertable<Database[T]>;

/** Carts up to this many seller orders and lines have their order statement prepared (≤ 8 texts). */
const SMALL_SELLERS = 2;
const SMALL_LINES = 4;

/**
 * Writes a placed order with its payment, seller orders and lines, and the outbox rows of its events
 * (built by the events module), in one statement. Returns what
 * the database chose: the creation time (every row's `created_at`/`updated_at`) and each line's
 * product image as the order views show it (the product's first image).
 */
export async function insertOrder(
  trx: Db,
  rows: {
    order: Row<'orders'>;
    payment: Row<'payments'>;
    sellerOrders: Row<'seller_orders'>[];
    lines: Row<'order_lines'>[];
  },
  events: readonly OutboxRow[],
): Promise<{ createdAt: Date; images: Map<string, ImageJson | null> }> {
  // The foreign keys (lines → seller orders → order) are checked at the end of the statement.
  const query = trx
    .with('o', (q) => q.insertInto('orders').values(rows.order).returning('created_at'))
    .with('p', (q) => q.insertInto('payments').values(rows.payment).returning('id'))
    .with('so', (q) => q.insertInto('seller_orders').values(rows.sellerOrders).returning('id'))
    .with('l', (q) => q.insertInto('order_lines').values(rows.lines).returning(['id', 'product_id']))
    .with('e', (q) => q.insertInto('outbox_events').values([...events]))
    .selectFrom('o')
    .leftJoin('l', (join) => join.onTrue())
    .leftJoin('products', 'products.id', 'l.product_id')
    .select(['o.created_at', 'l.id', sql<ImageJson | null>`products.images -> 0`.as('image')]);
  // The text varies with the number of seller orders and lines; the few forms of small carts (most
  // checkouts) run named, so PostgreSQL parses and plans each once per connection.
  const small = rows.sellerOrders.length <= SMALL_SELLERS && rows.lines.length <= SMALL_LINES;
  const written = small ? (await executePrepared(trx, query)).rows : await query.execute();
  const createdAt = written[0]?.created_at;
  if (!createdAt) throw new Error(`order ${rows.order.id} was not written`);
  return { createdAt, images: new Map(written.flatMap((r) => (r.id ? [[r.id, r.image]] : []))) };
}

/** Everything needed to show these orders, in four queries whatever their number. */
export async function loadOrders(db: Db, orderIds: readonly string[]) {
  if (orderIds.length === 0)
    return { orders: [], payments: [], sellerOrders: [], lines: [], fulfillments: [] };
  const [orders, payments, sellerOrders] = await Promise.all([
    db.selectFrom('orders').selectAll().where('id', 'in', orderIds).execute(),
    db.selectFrom('payments').selectAll().where('order_id', 'in', orderIds).execute(),
    sellerOrdersWhere(db).where('so.order_id', 'in', orderIds).execute(),
  ]);
  const { lines, fulfillments } = await loadSellerOrderParts(
    db,
    sellerOrders.map((s) => s.id),
  );
  return { orders, payments, sellerOrders, lines, fulfillments };
}

function sellerOrdersWhere(db: Db) {
  return db
    .selectFrom('seller_orders as so')
    .innerJoin('sellers as s', 's.id', 'so.seller_id')
    .innerJoin('orders as o', 'o.id', 'so.order_id')
    .selectAll('so')
    .select(['s.name as seller_name', 'o.email', 'o.shipping_address']);
}

export type SellerOrderRow = Awaited<ReturnType<ReturnType<typeof sellerOrdersWhere>['execute']>>[number];

export async function loadSellerOrderParts(db: Db, sellerOrderIds: readonly string[]) {
  if (sellerOrderIds.length === 0) return { lines: [], fulfillments: [] };
  const [lines, fulfillments] = await Promise.all([
    // The product's first image as it is now, for thumbnails (null once the product is gone).
    db
      .selectFrom('order_lines')
      .leftJoin('products', 'products.id', 'order_lines.product_id')
      .selectAll('order_lines')
      .select(sql<ImageJson | null>`products.images -> 0`.as('image'))
      .where('seller_order_id', 'in', sellerOrderIds)
      .orderBy('order_lines.position')
      .execute(),
    db
      .selectFrom('fulfillments')
      .selectAll()
      .where('seller_order_id', 'in', sellerOrderIds)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  ]);
  return { lines, fulfillments };
}

/** One seller's seller order, locked for a state change when asked. Other sellers' ids are not found. */
export async function findSellerOrder(
  db: Db,
  sellerId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
) {
  return sellerOrdersWhere(db)
    .where('so.id', '=', id)
    .where('so.seller_id', '=', sellerId)
    .$if(options.forUpdate === true, (q) => q.forUpdate(['so']))
    .executeTakeFirst();
}

export async function listSellerOrders(
  db: Db,
  sellerId: string,
  f: { status?: SellerOrderStatus; after?: Keyset; limit: number },
) {
  return sellerOrdersWhere(db)
    .where('so.seller_id', '=', sellerId)
    .$if(f.status !== undefined, (q) => q.where('so.status', '=', f.status ?? 'open'))
    .$if(f.after !== undefined, (q) =>
      q.where(sql<boolean>`(so.created_at, so.id) < (${f.after?.sortKey}::timestamptz, ${f.after?.id})`),
    )
    .orderBy('so.created_at', 'desc')
    .orderBy('so.id', 'desc')
    .limit(f.limit)
    .execute();
}

export async function listOrderIds(db: Db, f: { after?: Keyset; limit: number; customerId?: string }) {
  return db
    .selectFrom('orders')
    .select(['id', 'created_at'])
    .$if(f.customerId !== undefined, (q) => q.where('customer_id', '=', f.customerId ?? ''))
    .$if(f.after !== undefined, (q) =>
      q.where(sql<boolean>`(created_at, id) < (${f.after?.sortKey}::timestamptz, ${f.after?.id})`),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit)
    .execute();
}

/** True when the order belongs to this customer account. */
export async function isCustomersOrder(db: Db, orderId: string, customerId: string): Promise<boolean> {
  const row = await db
    .selectFrom('orders')
    .select('id')
    .where('id', '=', orderId)
    .where('customer_id', '=', customerId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function findOrderTokenHash(db: Db, orderId: string) {
  return db.selectFrom('orders').select('access_token_hash').where('id', '=', orderId).executeTakeFirst();
}

export async function updateSellerOrder(
  trx: Db,
  id: string,
  changes: { status: SellerOrderStatus; payment_status?: 'authorized' | 'captured' | 'voided' },
) {
  await trx
    .updateTable('seller_orders')
    .set({
      ...changes,
      ...(changes.status === 'cancelled' ? { cancelled_by: currentActorJson() } : {}),
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
}

export async function addFulfilled(trx: Db, lineId: string, quantity: number) {
  await trx
    .updateTable('order_lines')
    .set({ fulfilled_quantity: sql`fulfilled_quantity + ${quantity}` })
    .where('id', '=', lineId)
    .execute();
}

export async function insertFulfillment(trx: Db, row: Row<'fulfillments'>) {
  await trx
    .insertInto('fulfillments')
    .values({ ...row, created_by: currentActorJson() })
    .execute();
}

/** Recomputes the order's status from its seller orders and returns it. */
export async function refreshOrderStatus(trx: Db, orderId: string): Promise<OrderStatus> {
  const result = await sql<{ status: OrderStatus }>`
    UPDATE orders o SET updated_at = now(), status = CASE
      WHEN NOT EXISTS (SELECT 1 FROM seller_orders WHERE order_id = o.id AND status <> 'cancelled') THEN 'cancelled'
      WHEN NOT EXISTS (SELECT 1 FROM seller_orders WHERE order_id = o.id AND status NOT IN ('fulfilled', 'cancelled')) THEN 'fulfilled'
      WHEN EXISTS (SELECT 1 FROM seller_orders WHERE order_id = o.id AND status IN ('fulfilled', 'partially_fulfilled')) THEN 'partially_fulfilled'
      ELSE 'placed' END
    WHERE o.id = ${orderId}
    RETURNING o.status
  `.execute(trx);
  return result.rows[0]?.status ?? 'placed';
}

export async function findPayment(trx: Db, orderId: string) {
  return trx
    .selectFrom('payments')
    .selectAll()
    .where('order_id', '=', orderId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function addToPayment(
  trx: Db,
  paymentId: string,
  change: { captured?: number; voided?: number },
) {
  await trx
    .updateTable('payments')
    .set({
      captured_amount: sql`captured_amount + ${change.captured ?? 0}`,
      voided_amount: sql`voided_amount + ${change.voided ?? 0}`,
    })
    .where('id', '=', paymentId)
    .execute();
}
