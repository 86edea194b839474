import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { components } from '../../generated/openapi.js';
import { cartNotFound } from './carts.errors.js';
import type * as repo from './carts.repository.js';
import { findCartForPricing, type PricingLineRow } from './pricing.repository.js';
import { type CartTotals, computeTotals } from './totals.js';

export type CartProblem = components['schemas']['CartProblem'];

/** Why a line cannot be bought now; null when it can. */
export type LineIssue = 'variant_unavailable' | 'currency_mismatch' | 'quantity_limit_exceeded' | null;

/** Most units one line may hold (the schema allows up to 1000 so larger asks get a clear 422). */
export const MAX_LINE_QUANTITY = 100;

/** Largest amount the API can express (the spec's `MinorUnits` maximum). */
export const MAX_AMOUNT = 999_999_999_999;

/** A cart line with its verdict. */
export interface EvaluatedLine extends PricingLineRow {
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
  const found = await findCartForPricing(db, cartId, options);
  if (!found) throw cartNotFound(cartId);
  const { cart } = found;
  const lines: EvaluatedLine[] = found.lines.map((row) => {
    const issue: LineIssue = !isForSale(row)
      ? 'variant_unavailable'
      : row.unit_amount === null
        ? 'currency_mismatch'
        : null;
    return { ...row, issue, overStock: issue === null && row.quantity > row.inventory_quantity };
  });
  const shipping = new Map<string, number>();
  for (const l of found.lines) if (l.shipping_amount !== null) shipping.set(l.seller_id, l.shipping_amount);
  const country = cart.shipping_address?.country;
  const taxRate = found.taxRateBps === undefined ? undefined : { rate_bps: found.taxRateBps };
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
