import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import type { components } from '../../generated/openapi.js';
import * as repo from './carts.repository.js';
import { type CartTotals, computeTotals, lineSubtotal } from './totals.js';

export type CartProblem = components['schemas']['CartProblem'];

/** Why a line cannot be bought now; null when it can. */
export type LineIssue = 'variant_unavailable' | 'currency_mismatch' | 'quantity_limit_exceeded' | null;

/** Most units one line may hold (the schema allows up to 1000 so larger asks get a clear 422). */
export const MAX_LINE_QUANTITY = 100;

/** Largest amount the API can express (the spec's `MinorUnits` maximum). */
export const MAX_AMOUNT = 999_999_999_999;

/** A cart line with its verdict. */
export interface EvaluatedLine extends repo.CartLineRow {
  issue: LineIssue;
  /** The line asks for more than is in stock (it stays priced; checkout reserves stock). */
  overStock: boolean;
}

/** Everything known about a cart right now: its row, its lines, their prices and the problems. */
export interface CartState {
  cart: repo.CartRow;
  lines: EvaluatedLine[];
  /** The lines that can be bought, in cart order; `totals` indexes into this list. */
  buyable: EvaluatedLine[];
  totals: CartTotals;
  /** The destination's rate; null without an address or for a country without a rate. */
  taxRateBps: number | null;
  /** The address names a country the marketplace has no tax rate for. */
  taxUnknown: boolean;
  problems: CartProblem[];
}

/** The `not_found` every cart lookup answers for an unknown id. */
export function cartNotFound(cartId: string): AppError {
  return new AppError('not_found', `No cart has the id '${cartId}'.`);
}

/** True when the product is published and its seller active. */
export function isForSale(v: { product_status: string; seller_status: string }): boolean {
  return v.product_status === 'published' && v.seller_status === 'active';
}

/**
 * Loads a cart and prices it from the current catalog: each line is checked (published, seller
 * active, priced in the cart's currency), the buyable ones are grouped by seller with that seller's
 * flat shipping rate, and tax follows the shipping address's country. Throws `not_found`.
 */
export async function loadCartState(
  db: Kysely<Database>,
  cartId: string,
  options: { lock: boolean },
): Promise<CartState> {
  const cart = await repo.findCart(db, cartId, options);
  if (!cart) throw cartNotFound(cartId);
  const rows = await repo.findCartLines(db, cart.id, cart.currency);
  const lines: EvaluatedLine[] = rows.map((row) => {
    const issue: LineIssue = !isForSale(row)
      ? 'variant_unavailable'
      : row.unit_amount === null
        ? 'currency_mismatch'
        : null;
    return { ...row, issue, overStock: issue === null && row.quantity > row.inventory_quantity };
  });
  const shipping = await repo.findShippingRates(
    db,
    [...new Set(lines.filter((l) => l.issue === null).map((l) => l.seller_id))],
    cart.currency,
  );
  const country = cart.shipping_address?.country;
  const taxRate = country === undefined ? undefined : await repo.findTaxRate(db, country);
  const taxUnknown = country !== undefined && taxRate === undefined;
  // Without an address there is no tax yet (0); with an unknown country it cannot be computed (null).
  const rateForTotals = country === undefined ? 0 : (taxRate?.rate_bps ?? null);
  const totalsOf = (buyable: EvaluatedLine[]) =>
    computeTotals(
      buyable.map((l) => ({ sellerId: l.seller_id, unitAmount: l.unit_amount ?? 0, quantity: l.quantity })),
      shipping,
      rateForTotals,
    );
  // Prices change after lines are added: while the cart would total more than the API can express,
  // its last buyable line is set aside (unpriced, a problem that blocks checkout) — never shown or
  // charged above the limit.
  let buyable = lines.filter((l) => l.issue === null);
  let totals = withinLimit(totalsOf, buyable);
  while (totals === undefined) {
    const last = buyable.at(-1) as EvaluatedLine;
    last.issue = 'quantity_limit_exceeded';
    last.overStock = false;
    buyable = lines.filter((l) => l.issue === null);
    totals = withinLimit(totalsOf, buyable);
  }
  const state = { cart, lines, buyable, totals, taxRateBps: taxRate?.rate_bps ?? null, taxUnknown };
  return { ...state, problems: problemsOf(state) };
}

/** The totals of these lines, or undefined when any amount would exceed MAX_AMOUNT. */
function withinLimit(
  totalsOf: (buyable: EvaluatedLine[]) => CartTotals,
  buyable: EvaluatedLine[],
): CartTotals | undefined {
  try {
    const t = totalsOf(buyable);
    const amounts = [t.subtotal, t.shipping ?? 0, t.tax ?? 0, t.total ?? 0];
    return amounts.every((a) => a <= MAX_AMOUNT) ? t : undefined;
  } catch (err) {
    if (err instanceof RangeError && buyable.length > 0) return undefined;
    throw err;
  }
}

function problemsOf(state: Omit<CartState, 'problems'>): CartProblem[] {
  const { cart, lines, totals } = state;
  const problems: CartProblem[] = [];
  const add = (code: CartProblem['code'], detail: string, itemId?: string, sellerId?: string) =>
    problems.push({ code, detail, item_id: itemId ?? null, seller_id: sellerId ?? null });
  if (cart.status === 'completed') add('cart_completed', 'The cart was checked out.');
  if (lines.length === 0) add('cart_empty', 'The cart has no items.');
  if (cart.email === null) add('cart_incomplete', 'Add an email address.');
  if (cart.shipping_address === null) add('cart_incomplete', 'Add a shipping address.');
  for (const line of lines) {
    if (line.issue === 'variant_unavailable') {
      add(line.issue, `${line.sku} is no longer for sale; remove it from the cart.`, line.item_id);
    } else if (line.issue === 'currency_mismatch') {
      add(line.issue, `${line.sku} has no price in ${cart.currency}; remove it from the cart.`, line.item_id);
    } else if (line.issue === 'quantity_limit_exceeded') {
      add(
        line.issue,
        `With ${line.sku} the cart would total more than the largest amount supported (${MAX_AMOUNT} minor units); lower its quantity or remove it.`,
        line.item_id,
      );
    } else if (line.overStock) {
      add('out_of_stock', `Only ${line.inventory_quantity} of ${line.sku} are available.`, line.item_id);
    }
  }
  if (state.taxUnknown) {
    add('destination_unsupported', `There is no tax rate for ${cart.shipping_address?.country}.`);
  }
  for (const group of totals.sellers) {
    if (group.shipping === null) {
      const seller = state.buyable[group.lineIndexes[0] ?? 0]?.seller_name ?? group.sellerId;
      add(
        'destination_unsupported',
        `${seller} does not ship in ${cart.currency}; remove its items.`,
        undefined,
        group.sellerId,
      );
    }
  }
  return problems;
}

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
  if (cart.status === 'completed') throw new AppError('cart_completed', 'The cart was already checked out.');
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
    })),
    totals: {
      subtotal: totals.subtotal,
      shipping: totals.shipping ?? 0,
      tax: totals.tax ?? 0,
      total: totals.total ?? 0,
    },
  };
}

/**
 * Marks a cart completed in the caller's transaction (checkout calls it after placing the order).
 * Throws `not_found` for an unknown cart and `cart_completed` when it already was.
 */
export async function markCartCompleted(trx: Kysely<Database>, cartId: string): Promise<void> {
  if (await repo.completeCart(trx, cartId)) return;
  const cart = await repo.findCart(trx, cartId, { lock: false });
  if (!cart) throw cartNotFound(cartId);
  throw new AppError('cart_completed', 'The cart was already checked out.');
}
