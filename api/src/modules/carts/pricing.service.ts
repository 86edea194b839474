import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import type { components } from '../../generated/openapi.js';
import { loadCartState } from './cart-state.service.js';
import { cartAlreadyCheckedOut } from './carts.errors.js';
import { lineSubtotal } from './totals.js';

/** A buyable line at its current price. */
export interface PricedLine {
  itemId: string;
  variantId: string;
  productId: string;
  productHandle: string;
  productTitle: string;
  variantTitle: string;
  sku: string;
  sellerId: string;
  quantity: number;
  /** Minor units of the cart's currency. */
  unitPrice: number;
  /** `unitPrice × quantity`. */
  subtotal: number;
}

/** One seller's lines and amounts: a seller order at checkout. `total = subtotal + shipping + tax`. */
export interface PricedSellerGroup {
  sellerId: string;
  sellerName: string;
  lines: PricedLine[];
  subtotal: number;
  shipping: number;
  tax: number;
  total: number;
  /** The marketplace's commission on this seller's sales now, in basis points (read with the cart). */
  commissionBps: number;
}

/** A cart that can be ordered now, every amount in minor units of `currency`. */
export interface PricedCart {
  cartId: string;
  /** The signed-in customer the cart belongs to (null: a guest cart). */
  customerId: string | null;
  currency: string;
  email: string | null;
  shippingAddress: components['schemas']['ShippingAddress'] | null;
  /** Null when the cart has no shipping address yet (tax is then 0). */
  taxRateBps: number | null;
  /** Every line, in cart order (the same objects as in `sellers[].lines`). */
  lines: PricedLine[];
  sellers: PricedSellerGroup[];
  /** Sums of the seller groups. */
  totals: { subtotal: number; shipping: number; tax: number; total: number };
}

/** A priced cart that passed the checkout checks: contact and destination are present. */
export interface CheckoutCart extends PricedCart {
  email: string;
  shippingAddress: components['schemas']['ShippingAddress'];
  taxRateBps: number;
}

export interface PriceCartOptions {
  /** Lock the cart row (`FOR UPDATE`) until the transaction ends: two checkouts of one cart serialise. */
  lock: boolean;
  /** Also require the email and the shipping address (`cart_incomplete`). */
  forCheckout?: boolean;
}

/**
 * Prices a cart for checkout inside the caller's transaction, re-validating every line against the
 * current catalog. Throws `not_found`, `cart_completed`, `cart_empty`, `cart_incomplete` (only with
 * `forCheckout`), `variant_unavailable`, `currency_mismatch` or `destination_unsupported` (no tax
 * rate for the country, or a seller without a shipping rate in the currency). Stock is not checked
 * here: the caller reserves it atomically.
 */
export async function priceCart(
  trx: Kysely<Database>,
  cartId: string,
  options: PriceCartOptions & { forCheckout: true },
): Promise<CheckoutCart>;
export async function priceCart(
  trx: Kysely<Database>,
  cartId: string,
  options: PriceCartOptions,
): Promise<PricedCart>;
export async function priceCart(
  trx: Kysely<Database>,
  cartId: string,
  options: PriceCartOptions,
): Promise<PricedCart> {
  const state = await loadCartState(trx, cartId, { lock: options.lock });
  const { cart } = state;
  if (cart.status === 'completed') throw cartAlreadyCheckedOut();
  if (state.lines.length === 0) throw new AppError('cart_empty', 'The cart has no items.');
  if (options.forCheckout && (cart.email === null || cart.shipping_address === null)) {
    const missing = [
      cart.email === null ? 'an email' : '',
      cart.shipping_address === null ? 'a shipping address' : '',
    ]
      .filter(Boolean)
      .join(' and ');
    throw new AppError('cart_incomplete', `The cart needs ${missing} before checkout.`);
  }
  for (const line of state.lines) {
    if (line.issue === 'variant_unavailable') {
      throw new AppError(
        'variant_unavailable',
        `The variant ${line.variant_id} (${line.sku}) is not for sale.`,
      );
    }
    if (line.issue === 'quantity_limit_exceeded') {
      throw new AppError(
        'quantity_limit_exceeded',
        `With ${line.sku} the cart would total more than the largest amount supported.`,
      );
    }
    if (line.issue === 'currency_mismatch') {
      throw new AppError(
        'currency_mismatch',
        `The variant ${line.variant_id} (${line.sku}) has no price in ${cart.currency}.`,
      );
    }
  }
  const unsupported = state.problems.find((p) => p.code === 'destination_unsupported');
  if (unsupported) throw new AppError('destination_unsupported', unsupported.detail);

  const lines = state.buyable.map(
    (l): PricedLine => ({
      itemId: l.item_id,
      variantId: l.variant_id,
      productId: l.product_id,
      productHandle: l.product_handle,
      productTitle: l.product_title,
      variantTitle: l.variant_title,
      sku: l.sku,
      sellerId: l.seller_id,
      quantity: l.quantity,
      // Buyable lines always have a price (the issue would be currency_mismatch otherwise).
      unitPrice: l.unit_amount ?? 0,
      subtotal: lineSubtotal(l.unit_amount ?? 0, l.quantity),
    }),
  );
  const { totals } = state;
  return {
    cartId: cart.id,
    customerId: cart.customer_id,
    currency: cart.currency,
    email: cart.email,
    shippingAddress: cart.shipping_address,
    taxRateBps: state.taxRateBps,
    lines,
    sellers: totals.sellers.map((g) => ({
      sellerId: g.sellerId,
      sellerName: state.buyable[g.lineIndexes[0] ?? 0]?.seller_name ?? '',
      lines: g.lineIndexes.flatMap((i) => lines[i] ?? []),
      subtotal: g.subtotal,
      // Checked above: every group has a shipping rate and the tax rate is known.
      shipping: g.shipping ?? 0,
      tax: g.tax ?? 0,
      total: g.total ?? 0,
      commissionBps: state.buyable[g.lineIndexes[0] ?? 0]?.commission_bps ?? 0,
    })),
    totals: {
      subtotal: totals.subtotal,
      shipping: totals.shipping ?? 0,
      tax: totals.tax ?? 0,
      total: totals.total ?? 0,
    },
  };
}
