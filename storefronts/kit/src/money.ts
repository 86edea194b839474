import type { Money } from '@souk/sdk';

const formatters = new Map<string, Intl.NumberFormat>();

/** The locale prices are formatted in unless a theme passes its own. */
export const DEFAULT_LOCALE = 'en-US';

function formatterFor(currency: string, locale = DEFAULT_LOCALE): Intl.NumberFormat {
  const key = `${locale}:${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Formats integer minor units for display ("$19.99", "€1,234.50"). The number of minor digits comes
 * from the currency (JPY has none), so the theme never assumes 100 minor units per major one.
 * Themes format on the server, so client components receive the finished string.
 */
export function formatMoney(money: Money, locale = DEFAULT_LOCALE): string {
  const formatter = formatterFor(money.currency, locale);
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(money.amount / 10 ** digits);
}

/** Converts a major-unit price typed by a buyer ("19.99") to minor units, or undefined when blank/invalid. */
export function toMinorUnits(value: string | undefined, currency: string): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const major = Number(value);
  if (!Number.isFinite(major) || major < 0) return undefined;
  const digits = formatterFor(currency).resolvedOptions().maximumFractionDigits ?? 2;
  return Math.round(major * 10 ** digits);
}

/** Minor units back to a major-unit string for a form field ("1999" → "19.99"). */
export function toMajorUnits(amount: number, currency: string): string {
  const digits = formatterFor(currency).resolvedOptions().maximumFractionDigits ?? 2;
  return (amount / 10 ** digits).toFixed(digits);
}

/**
 * A product's price as a card shows it: "$12.00" when every variant costs the same, "from $12.00" when
 * they differ (`from` is the theme's word: "From", "ab"), null when no variant is priced in this currency
 * (the API sends `price_range: null`), so the theme decides what to say then.
 */
export function formatPriceRange(
  range: { min: Money; max: Money } | null | undefined,
  { from = 'from', locale = DEFAULT_LOCALE }: { from?: string; locale?: string } = {},
): string | null {
  if (!range) return null;
  const min = formatMoney(range.min, locale);
  return range.min.amount === range.max.amount ? min : `${from} ${min}`;
}
