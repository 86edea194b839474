import type { Product } from '@souk/sdk';
import { relatedProducts } from '@souk/storefront-kit';
import { getCategories, souk } from '@/lib/souk';
import { ProductGrid } from './ProductCard';

/**
 * "You might also like" under a product: four products to buy now, the best rated of its category
 * first (then of the parent categories, then the seller's own; see the kit's `relatedProducts`). Part
 * of the static page, so a card's stock may be as old as the page (a minute). Nothing is drawn when
 * there is nothing to show.
 */
export async function RelatedProducts({ product, currency }: { product: Product; currency: string }) {
  const products = await relatedProducts(
    // No retries: a listing that fails leaves its step out at once rather than hold the page.
    (query) => souk.store.products.list(query, { maxRetries: 0 }),
    product,
    { categories: await getCategories().catch(() => []), currency },
  );
  if (products.length === 0) return null;
  return (
    <section aria-labelledby="related-heading" className="section" data-testid="related">
      <div className="section__head">
        <h2 id="related-heading">You might also like</h2>
        {product.category && (
          <a href={`/categories/${encodeURIComponent(product.category.handle)}`}>
            {`More in ${product.category.name}`}
          </a>
        )}
      </div>
      <ProductGrid products={products} />
    </section>
  );
}
