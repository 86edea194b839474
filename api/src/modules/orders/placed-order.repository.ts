import { type Kysely, sql } from 'kysely';
import { preparedStatement } from '../../db/prepared.js';
import type { Database } from '../../db/schema.js';
import { completeCartUpdate } from '../carts/index.js';
import type { ImageJson } from '../catalog/catalog.table.js';
import { outboxInsert } from '../events/index.js';
import type { OutboxColumns } from '../events/outbox.js';
import { postingInserts } from '../ledger/index.js';
import type { PostingColumns } from '../ledger/ledger.repository.js';
import type { PlacedOrderRows } from './placed-order.js';

type Db = Kysely<Database>;

/** The order statement's parameters: every row as one array per column, so its text never varies. */
interface PlaceParams extends OutboxColumns, PostingColumns {
  orderId: string;
  cartId: string;
  currency: string;
  email: string;
  shippingAddress: string;
  status: string;
  subtotal: number;
  shipping: number;
  tax: number;
  total: number;
  accessTokenHash: string;
  customerId: string | null;
  paymentId: string;
  provider: string;
  providerRef: string;
  authorized: number;
  soId: string[];
  soSellerId: string[];
  soStatus: string[];
  soPaymentStatus: string[];
  soSubtotal: number[];
  soShipping: number[];
  soTax: number[];
  soTotal: number[];
  soBps: number[];
  soCommission: number[];
  lineId: string[];
  lineSellerOrderId: string[];
  lineVariantId: (string | null)[];
  lineProductId: (string | null)[];
  lineSku: string[];
  lineProductTitle: string[];
  lineVariantTitle: string[];
  lineUnitPrice: number[];
  lineQuantity: number[];
  lineSubtotal: number[];
  linePosition: number[];
}

// The foreign keys (lines → seller orders → order, ledger entries → transactions → order) are checked
// at the end of the statement, when every row exists. One row per order line (the order's creation
// time on each), with the line's product image as the order views show it (the product's first).
const place = preparedStatement((_db: Db, p: PlaceParams) => {
  const posting = postingInserts(p);
  return sql<{ created_at: Date; cart_completed: boolean; id: string | null; image: ImageJson | null }>`
    WITH o AS (
      INSERT INTO orders (id, cart_id, currency, email, shipping_address, status, subtotal, shipping, tax,
                          total, access_token_hash, customer_id)
      VALUES (${p.orderId}, ${p.cartId}, ${p.currency}, ${p.email}, ${p.shippingAddress}::jsonb, ${p.status},
              ${p.subtotal}, ${p.shipping}, ${p.tax}, ${p.total}, ${p.accessTokenHash}, ${p.customerId})
      RETURNING created_at
    ), pay AS (
      INSERT INTO payments (id, order_id, provider, provider_ref, currency, authorized_amount)
      VALUES (${p.paymentId}, ${p.orderId}, ${p.provider}, ${p.providerRef}, ${p.currency}, ${p.authorized})
    ), so AS (
      INSERT INTO seller_orders (id, order_id, seller_id, status, payment_status, currency, subtotal, shipping,
                                 tax, total, commission_bps, commission_amount)
      SELECT s.id, ${p.orderId}, s.seller_id, s.status, s.payment_status, ${p.currency}, s.subtotal, s.shipping,
             s.tax, s.total, s.bps, s.commission
        FROM unnest(${p.soId}::text[], ${p.soSellerId}::text[], ${p.soStatus}::text[],
                    ${p.soPaymentStatus}::text[], ${p.soSubtotal}::bigint[], ${p.soShipping}::bigint[],
                    ${p.soTax}::bigint[], ${p.soTotal}::bigint[], ${p.soBps}::int[], ${p.soCommission}::bigint[])
          AS s(id, seller_id, status, payment_status, subtotal, shipping, tax, total, bps, commission)
    ), l AS (
      INSERT INTO order_lines (id, seller_order_id, variant_id, product_id, sku, product_title, variant_title,
                               unit_price, quantity, subtotal, position)
      SELECT * FROM unnest(${p.lineId}::text[], ${p.lineSellerOrderId}::text[], ${p.lineVariantId}::text[],
                           ${p.lineProductId}::text[], ${p.lineSku}::text[], ${p.lineProductTitle}::text[],
                           ${p.lineVariantTitle}::text[], ${p.lineUnitPrice}::bigint[], ${p.lineQuantity}::int[],
                           ${p.lineSubtotal}::bigint[], ${p.linePosition}::int[])
      RETURNING id, product_id
    ), events AS (${outboxInsert(p)}
    ), ledger_t AS (${posting.transactions}
    ), ledger_e AS (${posting.entries}
    ), cart AS (${completeCartUpdate(p.cartId)})
    SELECT o.created_at, EXISTS (SELECT 1 FROM cart) AS cart_completed, l.id,
           products.images -> 0 AS image
      FROM o LEFT JOIN l ON true LEFT JOIN products ON products.id = l.product_id`;
});

/**
 * Places an order in one statement: the order with its payment, seller orders and lines, the outbox
 * rows of its events (built by the events module), its ledger posting (built by the ledger module),
 * and the cart's completion (the carts module's update). Its text does not vary with the number of
 * sellers and lines (arrays), so it runs prepared whatever the cart. Returns what the database chose:
 * the creation time (every row's `created_at`/`updated_at`), each line's product image, and whether
 * the cart was still active (it was completed only then).
 */
export async function placeOrder(
  trx: Db,
  input: { rows: PlacedOrderRows; events: OutboxColumns; posting: PostingColumns },
): Promise<{ createdAt: Date; cartCompleted: boolean; images: Map<string, ImageJson | null> }> {
  const { order, payment, sellerOrders: so, lines } = input.rows;
  const { rows: written } = await place(trx, {
    ...input.events,
    ...input.posting,
    orderId: order.id,
    cartId: order.cart_id,
    currency: order.currency,
    email: order.email,
    shippingAddress: String(order.shipping_address),
    status: order.status,
    subtotal: order.subtotal,
    shipping: order.shipping,
    tax: order.tax,
    total: order.total,
    accessTokenHash: order.access_token_hash,
    customerId: order.customer_id ?? null,
    paymentId: payment.id,
    provider: payment.provider,
    providerRef: payment.provider_ref,
    authorized: payment.authorized_amount,
    soId: so.map((r) => r.id),
    soSellerId: so.map((r) => r.seller_id),
    soStatus: so.map((r) => r.status),
    soPaymentStatus: so.map((r) => r.payment_status),
    soSubtotal: so.map((r) => r.subtotal),
    soShipping: so.map((r) => r.shipping),
    soTax: so.map((r) => r.tax),
    soTotal: so.map((r) => r.total),
    soBps: so.map((r) => r.commission_bps),
    soCommission: so.map((r) => r.commission_amount),
    lineId: lines.map((r) => r.id),
    lineSellerOrderId: lines.map((r) => r.seller_order_id),
    lineVariantId: lines.map((r) => r.variant_id ?? null),
    lineProductId: lines.map((r) => r.product_id ?? null),
    lineSku: lines.map((r) => r.sku),
    lineProductTitle: lines.map((r) => r.product_title),
    lineVariantTitle: lines.map((r) => r.variant_title),
    lineUnitPrice: lines.map((r) => r.unit_price),
    lineQuantity: lines.map((r) => r.quantity),
    lineSubtotal: lines.map((r) => r.subtotal),
    linePosition: lines.map((r) => r.position),
  });
  const first = written[0];
  if (!first) throw new Error(`order ${order.id} was not written`);
  return {
    createdAt: first.created_at,
    cartCompleted: first.cart_completed,
    images: new Map(written.flatMap((r) => (r.id ? [[r.id, r.image]] : []))),
  };
}
