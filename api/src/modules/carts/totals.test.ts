import { describe, expect, it } from 'vitest';
import { computeTotals, divRoundHalfUp, lineSubtotal, taxOn, toAmount } from './totals.js';

describe('divRoundHalfUp', () => {
  it.each([
    [0n, 10n, 0n],
    [4n, 10n, 0n],
    [5n, 10n, 1n], // exactly half rounds up
    [6n, 10n, 1n],
    [14n, 10n, 1n],
    [15n, 10n, 2n],
    [25n, 10n, 3n], // half up, not half even
    [10n, 10n, 1n],
    [9_999n, 10_000n, 1n],
    [4_999n, 10_000n, 0n],
    [5_000n, 10_000n, 1n],
  ])('%i / %i = %i', (n, d, q) => {
    expect(divRoundHalfUp(n, d)).toBe(q);
  });

  it('refuses negative ratios and a zero denominator', () => {
    expect(() => divRoundHalfUp(-1n, 10n)).toThrow(RangeError);
    expect(() => divRoundHalfUp(1n, 0n)).toThrow(RangeError);
  });
});

describe('taxOn', () => {
  it.each([
    [1, 5000, 1], // 0.5 -> 1
    [1, 4999, 0], // 0.4999 -> 0
    [3, 1650, 0], // 0.495 -> 0
    [10, 1950, 2], // 1.95 -> 2
    [26299, 1900, 4997], // 4996.81
    [5598, 1900, 1064], // 1063.62
    [24249, 1900, 4607], // 4607.31
    [5148, 1900, 978], // 978.12
    [2050, 2000, 410], // exact
    [1025, 2000, 205], // exact
    [1026, 2100, 215], // 215.46
    [250, 1000, 25],
    [5, 1000, 1], // 0.5 -> 1
    [15, 1000, 2], // 1.5 -> 2 (not banker's 2 by luck: check 25 below)
    [25, 1000, 3], // 2.5 -> 3 (banker's rounding would give 2)
    [0, 2500, 0],
    [12345, 0, 0],
    [12345, 10000, 12345],
  ])('tax on %i at %i bps is %i', (base, bps, tax) => {
    expect(taxOn(base, bps)).toBe(tax);
  });

  it('matches an integer reference at every base up to 20,000 for typical rates', () => {
    for (const bps of [0, 500, 550, 1000, 1900, 2000, 2100, 2500, 10_000]) {
      for (let base = 0; base <= 20_000; base++) {
        const product = base * bps; // < 2^53 here, so plain integer math is exact
        const reference = (product - (product % 10_000)) / 10_000 + (product % 10_000 >= 5_000 ? 1 : 0);
        if (taxOn(base, bps) !== reference) expect.fail(`taxOn(${base}, ${bps}) != ${reference}`);
      }
    }
  });

  it('keeps precision when amount × rate exceeds 2^53', () => {
    const base = 999_999_999_999 * 100; // 1e14: × 2500 is 2.5e17, far above 2^53
    expect(taxOn(base, 2500)).toBe(24_999_999_999_975);
    expect(taxOn(9_007_199_254_740_991, 1)).toBe(900_719_925_474); // 900719925474.0991
  });

  it('refuses rates outside 0..10000 bps and fractional or negative amounts', () => {
    expect(() => taxOn(100, -1)).toThrow(RangeError);
    expect(() => taxOn(100, 10_001)).toThrow(RangeError);
    expect(() => taxOn(100, 19.5)).toThrow(RangeError);
    expect(() => taxOn(-1, 1900)).toThrow(RangeError);
    expect(() => taxOn(1.5, 1900)).toThrow(RangeError);
  });
});

describe('lineSubtotal and toAmount', () => {
  it('multiplies exactly and refuses results a double cannot hold', () => {
    expect(lineSubtotal(1999, 3)).toBe(5997);
    expect(lineSubtotal(999_999_999_999, 100)).toBe(99_999_999_999_900);
    expect(() => lineSubtotal(Number.MAX_SAFE_INTEGER, 2)).toThrow(RangeError);
    expect(toAmount(BigInt(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => toAmount(-1n)).toThrow(RangeError);
  });
});

describe('computeTotals', () => {
  const shipping = new Map([
    ['sel_a', 449],
    ['sel_b', 549],
  ]);

  it('groups by seller in first-line order, taxes each group on subtotal + shipping, and sums the groups', () => {
    const totals = computeTotals(
      [
        { sellerId: 'sel_b', unitAmount: 4599, quantity: 1 },
        { sellerId: 'sel_a', unitAmount: 11900, quantity: 2 },
        { sellerId: 'sel_b', unitAmount: 1, quantity: 3 },
      ],
      shipping,
      1900,
    );
    expect(totals.sellers).toEqual([
      // (4599 + 3 + 549) × 0.19 = 978.69 -> 979
      { sellerId: 'sel_b', lineIndexes: [0, 2], subtotal: 4602, shipping: 549, tax: 979, total: 6130 },
      // (23800 + 449) × 0.19 = 4607.31 -> 4607
      { sellerId: 'sel_a', lineIndexes: [1], subtotal: 23800, shipping: 449, tax: 4607, total: 28856 },
    ]);
    expect(totals).toMatchObject({ subtotal: 28402, shipping: 998, tax: 5586, total: 34986 });
    expect(totals.subtotal + (totals.shipping ?? 0) + (totals.tax ?? 0)).toBe(totals.total);
  });

  it('rounds per seller group, so seller totals always add up to the cart total', () => {
    // Each group's tax is 0.5 before rounding: per-group rounding gives 1 + 1, one rounding of the
    // cart would give round(1.0) = 1 and the seller orders would not add up to the order.
    const totals = computeTotals(
      [
        { sellerId: 'sel_a', unitAmount: 1, quantity: 1 },
        { sellerId: 'sel_b', unitAmount: 1, quantity: 1 },
      ],
      new Map([
        ['sel_a', 0],
        ['sel_b', 0],
      ]),
      5000,
    );
    expect(totals.sellers.map((s) => s.tax)).toEqual([1, 1]);
    expect(totals.tax).toBe(2);
    expect(totals.total).toBe(totals.sellers.reduce((sum, s) => sum + (s.total ?? 0), 0));
  });

  it('leaves shipping, tax and total null for a seller without a rate, and for the cart', () => {
    const totals = computeTotals(
      [
        { sellerId: 'sel_a', unitAmount: 1000, quantity: 1 },
        { sellerId: 'sel_x', unitAmount: 500, quantity: 2 },
      ],
      shipping,
      1900,
    );
    expect(totals.sellers[0]).toMatchObject({ shipping: 449, tax: 275, total: 1724 });
    expect(totals.sellers[1]).toMatchObject({ subtotal: 1000, shipping: null, tax: null, total: null });
    expect(totals).toMatchObject({ subtotal: 2000, shipping: null, tax: null, total: null });
  });

  it('leaves tax and totals null when the rate is unknown, and charges none at rate 0', () => {
    const lines = [{ sellerId: 'sel_a', unitAmount: 1000, quantity: 1 }];
    expect(computeTotals(lines, shipping, null)).toMatchObject({ shipping: 449, tax: null, total: null });
    expect(computeTotals(lines, shipping, 0)).toMatchObject({ shipping: 449, tax: 0, total: 1449 });
  });

  it('is all zeros for no lines', () => {
    expect(computeTotals([], shipping, 1900)).toEqual({
      sellers: [],
      subtotal: 0,
      shipping: 0,
      tax: 0,
      total: 0,
    });
  });
});
