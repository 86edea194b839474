import type { Product } from '@souk/sdk';
import { formatPriceRange } from '@souk/storefront-kit';
import { ProductImage } from './ProductImage';

/** The price line of a card: "$12.00", "from $12.00", or a note when there is no price in this currency. */
export function PriceRange({ product }: { product: Product }) {
  const label = formatPriceRange(product.price_range);
  if (!label) return <span className="price price--missing">Not sold in this currency</span>;
  return <span className="price">{label}</span>;
}

export function ProductCard({
  product,
  priority = false,
  eager = priority,
  showSeller = true,
}: {
  product: Product;
  /** This card's picture is the page's largest (see ProductImage). */
  priority?: boolean;
  eager?: boolean;
  /** The "by <seller>" line; off on a seller's own page, where every card would name the same seller. */
  showSeller?: boolean;
}) {
  const inStock = product.variants.some((v) => v.available_quantity > 0);
  return (
    <article className="product-card" data-testid="product-card">
      {/* Plain anchors, not next/link: a listing shows dozens of cards, and a Link is a client component
          to hydrate per card; product pages are static (ISR) and load fast as documents. */}
      <a href={`/products/${product.handle}`} className="product-card__link">
        <ProductImage
          image={product.images[0]}
          fallbackAlt={product.title}
          priority={priority}
          eager={eager}
          // Two columns on phones: half the viewport less the container's padding and half the gap.
          sizes="(max-width: 800px) calc(50vw - 1.375rem), 240px"
        />
        <h3 className="product-card__title">{product.title}</h3>
      </a>
      {showSeller && (
        <p className="product-card__seller">
          by <a href={`/sellers/${product.seller.handle}`}>{product.seller.name}</a>
        </p>
      )}
      <p className="product-card__meta">
        <PriceRange product={product} />
        {!inStock && <span className="badge badge--muted">Sold out</span>}
      </p>
    </article>
  );
}

export function ProductGrid({
  products,
  priorityCount = 0,
  lcp = priorityCount > 0,
  showSeller = true,
}: {
  products: Product[];
  /** Cards in the first rows on a phone: their pictures load at once. */
  priorityCount?: number;
  /** The first card's picture is the page's largest (false under a hero picture). */
  lcp?: boolean;
  /** See ProductCard. */
  showSeller?: boolean;
}) {
  return (
    <ul className="product-grid">
      {products.map((p, i) => (
        <li key={p.id}>
          {/* The first picture is the page's LCP element; the rest of the first rows load at once. */}
          <ProductCard
            product={p}
            priority={i === 0 && lcp}
            eager={i < priorityCount}
            showSeller={showSeller}
          />
        </li>
      ))}
    </ul>
  );
}
