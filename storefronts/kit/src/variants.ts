import type { Product } from '@souk/sdk';
import { formatMoney } from './money';

/** A variant as an option picker needs it, with its price already formatted (client components get strings). */
export interface VariantChoice {
  id: string;
  title: string;
  options: Record<string, string>;
  priceLabel: string | null;
  available: number;
}

/** The options of a product, for one radio group each. */
export interface OptionChoice {
  name: string;
  values: string[];
}

/** A product's variants for a picker, and the one to preselect (the first that can be bought). */
export function variantChoices(
  product: Product,
  locale?: string,
): { variants: VariantChoice[]; initialId?: string } {
  const variants = product.variants.map((v) => ({
    id: v.id,
    title: v.title,
    options: v.options,
    priceLabel: v.price ? formatMoney(v.price, locale) : null,
    available: v.available_quantity,
  }));
  const first = product.variants.find((v) => v.price && v.available_quantity > 0) ?? product.variants[0];
  return first ? { variants, initialId: first.id } : { variants };
}

/** The variant matching every picked option value, if any. */
export function matchVariant(
  options: OptionChoice[],
  variants: VariantChoice[],
  selected: Record<string, string>,
): VariantChoice | undefined {
  return variants.find((v) => options.every((o) => v.options[o.name] === selected[o.name]));
}

/** What to say about a variant's stock ("In stock", "Only 3 left", …). */
export function stockLabel(variant: VariantChoice | undefined): string {
  if (!variant) return 'This combination is not available.';
  if (variant.priceLabel === null) return 'Not sold in this currency.';
  if (variant.available === 0) return 'Out of stock';
  if (variant.available <= 5) return `Only ${variant.available} left`;
  return 'In stock';
}

/** Whether a variant can go into the cart now. */
export function isBuyable(variant: VariantChoice | undefined): variant is VariantChoice {
  return variant !== undefined && variant.priceLabel !== null && variant.available > 0;
}
