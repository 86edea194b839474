import type { components } from '../../generated/openapi.js';
import type { CartState } from './cart-state.service.js';
import { lineSubtotal } from './totals.js';

/** A cart as the API returns it (the spec's `Cart`). */
export type Cart = components['schemas']['Cart'];

/**
 * Turns a priced cart state into the API's `Cart`: every line (unbuyable ones with a null price and
 * no stock), the buyable ones grouped by seller, the totals, and what still stands in the way of checkout.
 */
export function toCartView(state: CartState): Cart {
  const { cart, totals } = state;
  const money = (amount: number) => ({ amount, currency: cart.currency });
  const maybe = (amount: number | null) => (amount === null ? null : money(amount));
  return {
    id: cart.id,
    currency: cart.currency,
    status: cart.status,
    email: cart.email,
    shipping_address:
      cart.shipping_address === null
        ? null
        : {
            name: cart.shipping_address.name,
            line1: cart.shipping_address.line1,
            line2: cart.shipping_address.line2 ?? null,
            city: cart.shipping_address.city,
            postal_code: cart.shipping_address.postal_code,
            region: cart.shipping_address.region ?? null,
            country: cart.shipping_address.country,
            phone: cart.shipping_address.phone ?? null,
          },
    items: state.lines.map((line) => ({
      id: line.item_id,
      variant_id: line.variant_id,
      product_id: line.product_id,
      product_handle: line.product_handle,
      product_title: line.product_title,
      variant_title: line.variant_title,
      sku: line.sku,
      seller_id: line.seller_id,
      quantity: line.quantity,
      unit_price: line.issue === null ? maybe(line.unit_amount) : null,
      subtotal:
        line.issue === null && line.unit_amount !== null
          ? money(lineSubtotal(line.unit_amount, line.quantity))
          : null,
      available_quantity: line.issue === 'variant_unavailable' ? 0 : line.inventory_quantity,
    })),
    sellers: totals.sellers.map((group) => ({
      seller_id: group.sellerId,
      seller_name: state.buyable[group.lineIndexes[0] ?? 0]?.seller_name ?? group.sellerId,
      item_ids: group.lineIndexes.flatMap((i) => state.buyable[i]?.item_id ?? []),
      subtotal: money(group.subtotal),
      shipping: maybe(group.shipping),
      tax: maybe(group.tax),
      total: maybe(group.total),
    })),
    totals: {
      subtotal: money(totals.subtotal),
      shipping: maybe(totals.shipping),
      tax: maybe(totals.tax),
      total: maybe(totals.total),
    },
    tax_rate_bps: state.taxRateBps,
    checkout_ready: state.problems.length === 0,
    problems: state.problems,
    created_at: cart.created_at.toISOString(),
    updated_at: cart.updated_at.toISOString(),
    completed_at: cart.completed_at?.toISOString() ?? null,
  };
}
