import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { currentActorJson } from '../../lib/actor.js';
import type { Keyset } from '../../lib/cursor.js';
import type { ImageJson } from '../catalog/catalog.table.js';
import type { OrderStatus, SellerOrderStatus } from './orders.table.js';

type Db = Kysely<Database>;
type Row<T extends keyof Database> = Insertable<Database[T]>;

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
