import type { Product } from '@souk/sdk';
import { relatedProducts } from '@souk/storefront-kit';
import { store } from '@/lib/store';
import { ProductGrid } from './ProductCard';

/**
 * "You may also like" under a product: four pieces to buy now, the best rated of its category first
 * (then of the parent categories, then the maker's own; see the kit's `relatedProducts`). Part of the
 * static page, so a card's stock may be as old as the page (a minute). Nothing is drawn when there is
 * nothing to show.
 */
export async function Related({ product, currency }: { product: Product; currency: string }) {
  const products = await relatedProducts(
    // No retries: a listing that fails leaves its step out at once rather than hold the page.
    (query) => store.souk.store.products.list(query, { maxRetries: 0 }),
    product,
    { categories: await store.getCategories().catch(() => []), currency },
  );
  if (products.length === 0) return null;
  return (
    <section className="band related" aria-labelledby="related-heading" data-testid="related">
      <div className="band__head">
        <h2 id="related-heading">You may also like</h2>
        {product.category && (
          <a href={`/categories/${encodeURIComponent(product.category.handle)}`}>
            {`More in ${product.category.name}`}
          </a>
        )}
      </div>
      {/* No quick view here: the page's own picker is the one buying form on it. */}
      <ProductGrid products={products} quickView={false} />
    </section>
  );
}
