import type { Product } from '@souk/sdk';
import type { ReactNode } from 'react';
import { store } from '@/lib/store';
import { ProductGrid } from './ProductCard';

/** A section of up to four cards under a heading, or nothing without products. */
function Row({ products, heading, link }: { products: Product[]; heading: string; link?: ReactNode }) {
  if (products.length === 0) return null;
  return (
    <section aria-labelledby="related-heading" className="section" data-testid="related">
      <div className="section__head">
        <h2 id="related-heading">{heading}</h2>
        {link}
      </div>
      <ProductGrid products={products} />
    </section>
  );
}

/**
 * "You might also like" under a product: four products to buy now, the best rated of its category
 * first (then of the parent categories, then the seller's own; see the kit's `relatedProducts`). Part
 * of the static page, so a card's stock may be as old as the page (a minute).
 */
export async function RelatedProducts({ product, currency }: { product: Product; currency: string }) {
  const products = await store.getRelatedProducts(product, currency);
  const link = product.category && (
    <a href={`/categories/${encodeURIComponent(product.category.handle)}`}>
      {`More in ${product.category.name}`}
    </a>
  );
  return <Row products={products} heading="You might also like" link={link} />;
}

/** An empty cart's suggestions: the newest products to buy now in the shopper's currency. */
export async function NewArrivals({ currency }: { currency: string }) {
  const products = await store.getNewestBuyable(currency);
  return <Row products={products} heading="New arrivals" link={<a href="/products">See all</a>} />;
}
