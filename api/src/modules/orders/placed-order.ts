import type { Insertable } from 'kysely';
import type { Database } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import type { CheckoutCart } from '../carts/index.js';
import type { ImageJson } from '../catalog/catalog.table.js';
import { applyBps } from './money.js';
import type { loadOrders } from './orders.repository.js';
import { type Order, SHOPPER_VIEW, toOrders } from './orders.views.js';

type Row<T extends keyof Database> = Insertable<Database[T]>;

/** The rows a checkout writes for a priced cart: the order, its payment, seller orders and lines. */
export interface PlacedOrderRows {
  order: Row<'orders'> & { id: string; email: string };
  payment: Row<'payments'> & { id: string };
  sellerOrders: (Row<'seller_orders'> & { id: string; commission_amount: number })[];
  lines: (Row<'order_lines'> & { id: string })[];
}

/** Builds the rows of the order a priced, paid cart becomes (commission at each seller's rate). */
export function placedOrderRows(input: {
  orderId: string;
  cart: CheckoutCart;
  rates: ReadonlyMap<string, number>;
  accessTokenHash: string;
  provider: string;
  providerRef: string;
}): PlacedOrderRows {
  const { orderId, cart } = input;
  const sellerOrders = cart.sellers.map((group) => {
    const bps = input.rates.get(group.sellerId) ?? 0;
    return { group, id: newId('so'), bps, commission: applyBps(group.subtotal, bps) };
  });
  return {
    order: {
      id: orderId,
      cart_id: cart.cartId,
      currency: cart.currency,
      email: cart.email,
      shipping_address: JSON.stringify(cart.shippingAddress),
      status: 'placed',
      ...cart.totals,
      access_token_hash: input.accessTokenHash,
      // A cart attached to a signed-in customer makes the order theirs.
      customer_id: cart.customerId,
    },
    payment: {
      id: newId('pay'),
      order_id: orderId,
      provider: input.provider,
      provider_ref: input.providerRef,
      currency: cart.currency,
      authorized_amount: cart.totals.total,
    },
    sellerOrders: sellerOrders.map(({ group, id, bps, commission }) => ({
      id,
      order_id: orderId,
      seller_id: group.sellerId,
      status: 'open' as const,
      payment_status: 'authorized' as const,
      currency: cart.currency,
      subtotal: group.subtotal,
      shipping: group.shipping,
      tax: group.tax,
      total: group.total,
      commission_bps: bps,
      commission_amount: commission,
    })),
    lines: sellerOrders.flatMap(({ group, id }) =>
      group.lines.map((l, position) => ({
        id: newId('line'),
        seller_order_id: id,
        variant_id: l.variantId,
        product_id: l.productId,
        sku: l.sku,
        product_title: l.productTitle,
        variant_title: l.variantTitle,
        unit_price: l.unitPrice,
        quantity: l.quantity,
        subtotal: l.subtotal,
        position,
      })),
    ),
  };
}

type Loaded = Awaited<ReturnType<typeof loadOrders>>;

/**
 * The shopper's view of an order just written, from the rows written and what the database chose
 * (creation time, line images), without reading it back: what `loadOrders` + `toOrders` would show.
 */
export function placedOrderView(
  rows: PlacedOrderRows,
  cart: CheckoutCart,
  written: { createdAt: Date; images: ReadonlyMap<string, ImageJson | null> },
): Order {
  const at = written.createdAt;
  const { order, payment } = rows;
  const sellerNames = new Map(cart.sellers.map((s) => [s.sellerId, s.sellerName]));
  const loaded: Loaded = {
    orders: [
      {
        ...order,
        status: 'placed',
        shipping_address: cart.shippingAddress,
        customer_id: cart.customerId,
        created_at: at,
        updated_at: at,
      },
    ],
    payments: [{ ...payment, captured_amount: 0, voided_amount: 0, created_at: at }],
    sellerOrders: rows.sellerOrders.map((so) => ({
      ...so,
      cancelled_by: null,
      created_at: at,
      updated_at: at,
      seller_name: sellerNames.get(so.seller_id) ?? '',
      email: order.email,
      shipping_address: cart.shippingAddress,
    })),
    lines: rows.lines.map((l) => ({
      ...l,
      variant_id: l.variant_id ?? null,
      product_id: l.product_id ?? null,
      fulfilled_quantity: 0,
      image: written.images.get(l.id) ?? null,
    })),
    fulfillments: [],
  };
  const [view] = toOrders([order.id], loaded, SHOPPER_VIEW);
  if (!view) throw new Error(`order ${order.id} has no view`);
  return view;
}
