import type { Product } from '@souk/sdk';
import type { ReactNode } from 'react';
import { store } from '@/lib/store';
import { ProductGrid } from './ProductCard';

/** A band of up to four cards under a heading, or nothing without products. */
function Row({ products, heading, link }: { products: Product[]; heading: string; link?: ReactNode }) {
  if (products.length === 0) return null;
  return (
    <section className="band related" aria-labelledby="related-heading" data-testid="related">
      <div className="band__head">
        <h2 id="related-heading">{heading}</h2>
        {link}
      </div>
      {/* No quick view here: a product page's picker or the bag is the page's buying form. */}
      <ProductGrid products={products} quickView={false} />
    </section>
  );
}

/**
 * "You may also like" under a product: four pieces to buy now, the best rated of its category first
 * (then of the parent categories, then the maker's own; see the kit's `relatedProducts`). Part of the
 * static page, so a card's stock may be as old as the page (a minute).
 */
export async function Related({ product, currency }: { product: Product; currency: string }) {
  const products = await store.getRelatedProducts(product, currency);
  const link = product.category && (
    <a href={`/categories/${encodeURIComponent(product.category.handle)}`}>
      {`More in ${product.category.name}`}
    </a>
  );
  return <Row products={products} heading="You may also like" link={link} />;
}

/** An empty bag's suggestions: the newest pieces to buy now in the shopper's currency. */
export async function NewIn({ currency }: { currency: string }) {
  const products = await store.getNewestBuyable(currency);
  return <Row products={products} heading="New in" link={<a href="/products">Shop everything</a>} />;
}
