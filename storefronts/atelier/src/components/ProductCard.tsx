import type { Product } from '@souk/sdk';
import { formatPriceRange, type ImageProps, preloadLcpImage } from '@souk/storefront-kit';
import { store } from '@/lib/store';
import { QuickViewButton } from './QuickViewButton';

/** "$12.00", "From $12.00", or a note when there is no price in this currency. */
export function priceLabel(product: Product): string {
  return formatPriceRange(product.price_range, { from: 'From' }) ?? 'Not sold in this currency';
}

/** A placeholder tile for a product without pictures. */
function NoImage({ title }: { title: string }) {
  return <div className="card__img card__img--empty" role="img" aria-label={`${title} (no image)`} />;
}

/**
 * An image-led card: the picture is the link, a second picture shows on hover, and "Quick view" opens the
 * product in a dialog without leaving the page.
 */
export function ProductCard({
  product,
  priority = false,
  eager = priority,
  sizes,
  quickView = true,
}: {
  product: Product;
  /** This card's picture is the page's largest: preloaded from the head, fetched first. */
  priority?: boolean;
  /** Above the fold on a phone: loaded at once, at the browser's usual priority. */
  eager?: boolean;
  sizes: string;
  /** The "Quick view" button; needs the page's `QuickViewHost`. */
  quickView?: boolean;
}) {
  const [first, second] = product.images;
  const main: ImageProps | null = first ? store.image(first, product.title, { sizes }) : null;
  const hover: ImageProps | null = second ? store.image(second, '', { sizes }) : null;
  if (priority && main) preloadLcpImage(main);
  const inStock = product.variants.some((v) => v.available_quantity > 0);
  return (
    <article className="card" data-testid="product-card">
      <div className="card__media">
        <a href={`/products/${product.handle}`} className="card__link">
          <span className="card__frame">
            {main ? (
              // biome-ignore lint/performance/noImgElement: srcset from Souk's variants, computed by the kit.
              <img
                className="card__img"
                {...main}
                alt={main.alt}
                loading={eager ? 'eager' : 'lazy'}
                fetchPriority={priority ? 'high' : 'auto'}
                decoding="async"
              />
            ) : (
              <NoImage title={product.title} />
            )}
            {hover && (
              // biome-ignore lint/performance/noImgElement: as above; decorative second view.
              <img className="card__img card__img--hover" {...hover} alt="" loading="lazy" decoding="async" />
            )}
          </span>
          <span className="card__title">{product.title}</span>
        </a>
        {!inStock && <span className="card__badge">Sold out</span>}
        {quickView && product.price_range && inStock && (
          <QuickViewButton title={product.title} handle={product.handle} />
        )}
      </div>
      <p className="card__meta">
        <span className="card__seller">{product.seller.name}</span>
        <span className="card__price">{priceLabel(product)}</span>
      </p>
    </article>
  );
}

/** Cards in the editorial grid; the first `priorityCount` images load at once (above the fold). */
export function ProductGrid({
  products,
  priorityCount = 0,
  lcp = priorityCount > 0,
  feature = false,
  quickView = true,
}: {
  products: Product[];
  priorityCount?: number;
  /** The first card's picture is the page's largest (false under a hero). */
  lcp?: boolean;
  /** Draws the first card twice as large (the home page's edit). */
  feature?: boolean;
  /** See ProductCard. */
  quickView?: boolean;
}) {
  return (
    <ul className={`grid ${feature ? 'grid--feature' : ''}`}>
      {products.map((p, i) => (
        <li key={p.id}>
          <ProductCard
            product={p}
            priority={i === 0 && lcp}
            eager={i < priorityCount}
            quickView={quickView}
            // Phones: two columns inside the 4vw gutters with a 0.75rem gap, i.e. 46vw less 6 px (what a
            // 390 px phone draws at 173 px; `50vw` asked it for the next variant up).
            sizes={
              feature && i === 0
                ? '(max-width: 900px) 100vw, 50vw'
                : '(max-width: 900px) calc(46vw - 6px), (max-width: 1100px) 33vw, 25vw'
            }
          />
        </li>
      ))}
    </ul>
  );
}
