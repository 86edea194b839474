/**
 * Cart arithmetic, pure and integer-only. Amounts are integer minor units; products and sums are
 * taken in BigInt so an intermediate such as `amount × rate_bps` can never lose precision, and
 * converted back to numbers only once the result is known to be a safe integer.
 */

/** Basis points in a whole: a rate of 10000 bps is 100 %. */
export const BPS = 10_000;

/** `numerator / denominator` rounded half up (both non-negative; denominator positive). */
export function divRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (numerator < 0n || denominator <= 0n) throw new RangeError('divRoundHalfUp takes a non-negative ratio');
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/** Converts an exact BigInt amount back to a number, refusing values a double cannot hold exactly. */
export function toAmount(value: bigint): number {
  if (value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`amount ${value} is outside the safe integer range`);
  }
  return Number(value);
}

/** The tax on `base` minor units at `rateBps`, rounded half up to a whole minor unit. */
export function taxOn(base: number, rateBps: number): number {
  assertAmount(base);
  if (!Number.isInteger(rateBps) || rateBps < 0 || rateBps > BPS) {
    throw new RangeError(`tax rate ${rateBps} bps is not an integer in 0..${BPS}`);
  }
  return toAmount(divRoundHalfUp(BigInt(base) * BigInt(rateBps), BigInt(BPS)));
}

/** `unit × quantity`, exactly. */
export function lineSubtotal(unitAmount: number, quantity: number): number {
  assertAmount(unitAmount);
  assertAmount(quantity);
  return toAmount(BigInt(unitAmount) * BigInt(quantity));
}

/** A priced line as the totals need it. */
export interface TotalsLine {
  sellerId: string;
  unitAmount: number;
  quantity: number;
}

/** One seller's share of the cart: the future seller order. */
export interface SellerTotals {
  sellerId: string;
  /** Indexes into the input lines, in input order. */
  lineIndexes: number[];
  subtotal: number;
  /** Null when the seller has no shipping rate. */
  shipping: number | null;
  /** Null when the rate is unknown or shipping is. */
  tax: number | null;
  /** Null when shipping or tax is. */
  total: number | null;
}

export interface CartTotals {
  sellers: SellerTotals[];
  subtotal: number;
  shipping: number | null;
  tax: number | null;
  total: number | null;
}

/**
 * Groups lines by seller (in the order of each seller's first line) and prices each group:
 * subtotal = Σ unit × quantity; shipping = the seller's flat rate; tax = round half up of
 * (subtotal + shipping) × rate / 10000, per group. The cart's totals are the sums of the groups, so
 * the seller orders of a checkout add up to the order to the minor unit.
 *
 * `taxRateBps` null means the rate is unknown (tax cannot be computed); pass 0 for "no tax".
 * `shippingBySeller` lacking a seller means that seller has no rate.
 */
export function computeTotals(
  lines: readonly TotalsLine[],
  shippingBySeller: ReadonlyMap<string, number>,
  taxRateBps: number | null,
): CartTotals {
  const groups = new Map<string, { lineIndexes: number[]; subtotal: bigint }>();
  lines.forEach((line, index) => {
    const group = groups.get(line.sellerId) ?? { lineIndexes: [], subtotal: 0n };
    group.lineIndexes.push(index);
    group.subtotal += BigInt(lineSubtotal(line.unitAmount, line.quantity));
    groups.set(line.sellerId, group);
  });

  const sellers: SellerTotals[] = [];
  let subtotal = 0n;
  let shipping: bigint | null = 0n;
  let tax: bigint | null = 0n;
  for (const [sellerId, group] of groups) {
    const rate = shippingBySeller.get(sellerId);
    const groupShipping = rate === undefined ? null : BigInt(rate);
    const groupTax =
      groupShipping === null || taxRateBps === null
        ? null
        : BigInt(taxOn(toAmount(group.subtotal + groupShipping), taxRateBps));
    const groupTotal =
      groupShipping === null || groupTax === null ? null : group.subtotal + groupShipping + groupTax;
    sellers.push({
      sellerId,
      lineIndexes: group.lineIndexes,
      subtotal: toAmount(group.subtotal),
      shipping: groupShipping === null ? null : toAmount(groupShipping),
      tax: groupTax === null ? null : toAmount(groupTax),
      total: groupTotal === null ? null : toAmount(groupTotal),
    });
    subtotal += group.subtotal;
    shipping = shipping === null || groupShipping === null ? null : shipping + groupShipping;
    tax = tax === null || groupTax === null ? null : tax + groupTax;
  }
  const total = shipping === null || tax === null ? null : subtotal + shipping + tax;
  return {
    sellers,
    subtotal: toAmount(subtotal),
    shipping: shipping === null ? null : toAmount(shipping),
    tax: tax === null ? null : toAmount(tax),
    total: total === null ? null : toAmount(total),
  };
}

function assertAmount(value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${value} is not a non-negative safe integer`);
  }
}
