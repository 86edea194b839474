import type { Product } from '@souk/sdk';
import type { Metadata } from 'next';
import { type ListingState, listingHref, withoutPosition } from './listing';
import { toMajorUnits } from './money';

/**
 * Metadata of a listing page: the canonical URL is the normalised listing URL (filters in a fixed
 * order, nothing unknown, no page position), so every way of reaching the same results names one URL.
 */
export function listingMetadata(
  path: string,
  state: ListingState,
  fixed: Partial<ListingState>,
  title: string,
  description: string,
): Metadata {
  const canonical = listingHref(path, withoutPosition(state), fixed);
  return {
    title,
    description,
    alternates: { canonical },
    openGraph: { title, description, url: canonical, type: 'website' },
    // Deep pages and price filters are for people, not for the index.
    robots: state.cursor || state.min || state.max ? { index: false, follow: true } : undefined,
  };
}

/** Metadata of a product page: canonical `/products/{handle}`, OpenGraph with the first image. */
export function productMetadata(product: Product): Metadata {
  const description = product.description ?? `${product.title} from ${product.seller.name}.`;
  const image = product.images[0];
  const url = `/products/${product.handle}`;
  return {
    title: product.title,
    description,
    alternates: { canonical: url },
    openGraph: {
      title: product.title,
      description,
      url,
      images: image ? [{ url: image.url, width: image.width, height: image.height, alt: image.alt }] : [],
    },
  };
}

/** schema.org Product data, so search engines can show price and availability. */
export function productJsonLd(product: Product): Record<string, unknown> {
  const offers = product.variants
    .filter((v) => v.price)
    .map((v) => ({
      '@type': 'Offer',
      sku: v.sku,
      price: v.price ? toMajorUnits(v.price.amount, v.price.currency) : undefined,
      priceCurrency: v.price?.currency,
      availability: `https://schema.org/${v.available_quantity > 0 ? 'InStock' : 'OutOfStock'}`,
      seller: { '@type': 'Organization', name: product.seller.name },
    }));
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.title,
    description: product.description ?? undefined,
    image: product.images.map((i) => i.url),
    brand: { '@type': 'Brand', name: product.seller.name },
    offers,
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so the data cannot close the tag. */
export function jsonLdString(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
