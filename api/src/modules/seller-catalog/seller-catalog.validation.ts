import { AppError, type FieldError } from '../../errors.js';
import { describeFieldErrors } from '../../http/validation-errors.js';

/** A product option as the rules need it. */
export interface OptionSpec {
  name: string;
  values: string[];
}

/** Escapes a JSON Pointer segment (RFC 6901). */
export const pointerSegment = (s: string) => s.replaceAll('~', '~0').replaceAll('/', '~1');

const bodyError = (field: string, message: string): FieldError => ({ in: 'body', field, message });

/** Throws `validation_failed` listing every error, when there is any. */
export function throwIfAny(errors: readonly FieldError[]): void {
  if (errors.length > 0) {
    throw new AppError('validation_failed', describeFieldErrors(errors), { errors: [...errors] });
  }
}

/** Option names must be unique (ignoring case: "Size" and "size" would confuse buyers), values unique per option. */
export function checkOptions(options: readonly OptionSpec[]): FieldError[] {
  const errors: FieldError[] = [];
  const names = new Map<string, number>();
  options.forEach((option, i) => {
    const key = option.name.trim().toLowerCase();
    const first = names.get(key);
    if (first !== undefined)
      errors.push(bodyError(`/options/${i}/name`, `duplicates /options/${first}/name`));
    else names.set(key, i);
    const values = new Set<string>();
    option.values.forEach((value, j) => {
      if (values.has(value))
        errors.push(bodyError(`/options/${i}/values/${j}`, `duplicates the value '${value}'`));
      values.add(value);
    });
  });
  return errors;
}

/**
 * A variant's options must give exactly one value, from that option's values, for every product
 * option, and nothing else. `pointer` is where the variant sits in the body ('' for the body itself).
 */
export function checkVariantOptions(
  given: Record<string, string>,
  options: readonly OptionSpec[],
  pointer: string,
): FieldError[] {
  const errors: FieldError[] = [];
  const at = (name: string) => `${pointer}/options/${pointerSegment(name)}`;
  for (const option of options) {
    const value = given[option.name];
    if (value === undefined) {
      errors.push(bodyError(at(option.name), `is required: one of ${option.values.join(', ')}`));
    } else if (!option.values.includes(value)) {
      errors.push(bodyError(at(option.name), `must be one of: ${option.values.join(', ')}`));
    }
  }
  for (const name of Object.keys(given)) {
    if (!options.some((o) => o.name === name)) {
      const known = options.map((o) => o.name).join(', ');
      errors.push(
        bodyError(
          at(name),
          known ? `is not an option of the product (${known})` : 'the product has no options',
        ),
      );
    }
  }
  return errors;
}

/** At most one price per currency. */
export function checkPrices(prices: readonly { currency: string }[], pointer: string): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  prices.forEach((price, i) => {
    if (seen.has(price.currency)) {
      errors.push(
        bodyError(`${pointer}/prices/${i}/currency`, `duplicates another price in ${price.currency}`),
      );
    }
    seen.add(price.currency);
  });
  return errors;
}

/**
 * Everything a new product's body can get wrong before the database is asked: its options (see
 * `checkOptions`), and each variant's options and prices, a SKU given twice, or two variants with the
 * same option combination (reported at the later one).
 */
export function checkNewProduct(
  options: readonly OptionSpec[],
  variants: readonly {
    sku: string;
    options?: Record<string, string> | undefined;
    prices?: readonly { currency: string }[] | undefined;
  }[],
): FieldError[] {
  const errors: FieldError[] = [...checkOptions(options)];
  const skus = new Map<string, number>();
  const combinations = new Map<string, number>();
  variants.forEach((variant, i) => {
    const at = `/variants/${i}`;
    const given = variant.options ?? {};
    const optionErrors = checkVariantOptions(given, options, at);
    errors.push(...optionErrors, ...checkPrices(variant.prices ?? [], at));
    const sameSku = skus.get(variant.sku);
    if (sameSku !== undefined) errors.push(bodyError(`${at}/sku`, `duplicates /variants/${sameSku}/sku`));
    else skus.set(variant.sku, i);
    if (optionErrors.length === 0) {
      const key = combinationKey(given, options);
      const same = combinations.get(key);
      if (same !== undefined)
        errors.push(bodyError(`${at}/options`, `has the same options as /variants/${same}`));
      else combinations.set(key, i);
    }
  });
  return errors;
}

/** A stable key of an option combination, in product option order. */
export function combinationKey(given: Record<string, string>, options: readonly OptionSpec[]): string {
  return JSON.stringify(options.map((o) => given[o.name] ?? null));
}

/** The title a variant gets when none is given: its option values, or "Default" without options. */
export function defaultVariantTitle(given: Record<string, string>, options: readonly OptionSpec[]): string {
  const parts = options.map((o) => given[o.name]).filter((v): v is string => v !== undefined);
  return parts.length > 0 ? parts.join(' / ') : 'Default';
}

/** Equal JSON values whatever the key order (jsonb does not keep the order it was given). */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

// Recursive, and safe to be: request bodies nest at most MAX_JSON_DEPTH levels (http/input-guard.ts).
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
