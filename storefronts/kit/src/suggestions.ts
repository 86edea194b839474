import type { Schemas } from '@souk/sdk';
import type { Image, ImageProps } from './images';
import { formatPriceRange } from './money';

type Product = Schemas['Product'];

/** A product as a search box suggests it while the shopper types. */
export interface Suggestion {
  href: string;
  title: string;
  seller: string;
  /** "$12.00", "from $12.00", or null when it has no price in the shopper's currency. */
  price: string | null;
  /** A thumbnail's `<img>` attributes, or null for a product without a picture. */
  image: ImageProps | null;
}

/** What the suggestions route answers: the words it searched for and the products found. */
export interface Suggestions {
  q: string;
  products: Suggestion[];
}

/** Shortest and longest search text worth suggesting for (the API's prefix match needs two characters). */
export const SUGGEST_MIN_LENGTH = 2;
export const SUGGEST_MAX_LENGTH = 200;

/** The search text to suggest for, trimmed at the start only (a space at the end means a finished word). */
export function suggestionQuery(raw: string | null | undefined): string | null {
  const q = (raw ?? '').trimStart();
  return q.trim().length >= SUGGEST_MIN_LENGTH && q.length <= SUGGEST_MAX_LENGTH ? q : null;
}

/** A listed product as a suggestion; `image` draws its thumbnail with the theme's image origins. */
export function toSuggestion(
  product: Product,
  image: (img: Image, alt: string) => ImageProps,
  options: { from?: string; locale?: string } = {},
): Suggestion {
  const first = product.images[0];
  return {
    href: `/products/${encodeURIComponent(product.handle)}`,
    title: product.title,
    seller: product.seller.name,
    price: formatPriceRange(product.price_range, options),
    image: first ? image(first, product.title) : null,
  };
}
