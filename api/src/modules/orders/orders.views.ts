import type { components } from '../../generated/openapi.js';
import type { loadOrders, loadSellerOrderParts, SellerOrderRow } from './orders.repository.js';

type Schemas = components['schemas'];
export type Order = Schemas['Order'];
export type SellerOrder = Schemas['SellerOrder'];

type Parts = Awaited<ReturnType<typeof loadSellerOrderParts>>;
type Loaded = Awaited<ReturnType<typeof loadOrders>>;

const money = (amount: number, currency: string) => ({ amount, currency });

/**
 * Who-did-what on seller orders and shipments (`cancelled_by`, `created_by`): shown to the seller and
 * the operator, whose staff they name; a shopper's view leaves them out.
 */
export interface ViewOptions {
  attribution: boolean;
}

/** The seller's and the operator's views name who cancelled and who shipped; the shopper's do not. */
export const STAFF_VIEW: ViewOptions = { attribution: true };
/** The shopper's view (checkout's answer, the order page, the customer's orders): no staff names. */
export const SHOPPER_VIEW: ViewOptions = { attribution: false };

/** The API shape of seller orders, from their rows and their lines and fulfilments. */
export function toSellerOrders(
  rows: readonly SellerOrderRow[],
  parts: Parts,
  { attribution }: ViewOptions,
): SellerOrder[] {
  return rows.map((so) => {
    const m = (amount: number) => money(amount, so.currency);
    return {
      id: so.id,
      order_id: so.order_id,
      seller_id: so.seller_id,
      seller_name: so.seller_name,
      status: so.status,
      currency: so.currency,
      lines: parts.lines
        .filter((l) => l.seller_order_id === so.id)
        .map((l) => ({
          id: l.id,
          variant_id: l.variant_id,
          product_id: l.product_id,
          sku: l.sku,
          product_title: l.product_title,
          variant_title: l.variant_title,
          quantity: l.quantity,
          unit_price: m(l.unit_price),
          subtotal: m(l.subtotal),
          fulfilled_quantity: l.fulfilled_quantity,
          ...(l.image ? { image: l.image } : {}),
        })),
      totals: { subtotal: m(so.subtotal), shipping: m(so.shipping), tax: m(so.tax), total: m(so.total) },
      commission: { rate_bps: so.commission_bps, amount: m(so.commission_amount) },
      payment_status: so.payment_status,
      fulfillments: parts.fulfillments
        .filter((f) => f.seller_order_id === so.id)
        .map((f) => ({
          id: f.id,
          carrier: f.carrier,
          tracking_number: f.tracking_number,
          lines: f.lines,
          created_at: f.created_at.toISOString(),
          ...(attribution ? { created_by: f.created_by } : {}),
        })),
      shipping_address: so.shipping_address,
      email: so.email,
      created_at: so.created_at.toISOString(),
      updated_at: so.updated_at.toISOString(),
      ...(attribution ? { cancelled_by: so.cancelled_by } : {}),
    };
  });
}

/** The API shape of orders, in the order of `ids`. */
export function toOrders(ids: readonly string[], loaded: Loaded, options: ViewOptions): Order[] {
  const sellerOrders = toSellerOrders(loaded.sellerOrders, loaded, options);
  return ids.flatMap((id) => {
    const o = loaded.orders.find((x) => x.id === id);
    const p = loaded.payments.find((x) => x.order_id === id);
    if (!o || !p) return [];
    const m = (amount: number) => money(amount, o.currency);
    const status =
      p.voided_amount === p.authorized_amount
        ? 'voided'
        : p.captured_amount === 0
          ? 'authorized'
          : p.captured_amount + p.voided_amount === p.authorized_amount
            ? 'captured'
            : 'partially_captured';
    return [
      {
        id: o.id,
        status: o.status,
        currency: o.currency,
        email: o.email,
        shipping_address: o.shipping_address,
        totals: { subtotal: m(o.subtotal), shipping: m(o.shipping), tax: m(o.tax), total: m(o.total) },
        seller_orders: sellerOrders.filter((s) => s.order_id === id),
        payment: {
          id: p.id,
          provider: p.provider as 'test',
          status,
          authorized: m(p.authorized_amount),
          captured: m(p.captured_amount),
          voided: m(p.voided_amount),
        },
        created_at: o.created_at.toISOString(),
      },
    ];
  });
}
