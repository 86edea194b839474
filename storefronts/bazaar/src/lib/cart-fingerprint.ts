import type { Cart } from '@souk/sdk';

/**
 * What the cart page shows of a cart, as one string: when a live copy differs from the rendered one,
 * the page is stale. Used on the server (what was rendered) and in the browser (what arrived).
 */
export function cartFingerprint(cart: Cart): string {
  return JSON.stringify([
    cart.status,
    cart.items.map((i) => [i.id, i.quantity, i.unit_price?.amount ?? null, i.available_quantity]),
    cart.totals,
    cart.problems.map((p) => [p.code, p.item_id, p.seller_id]),
  ]);
}
