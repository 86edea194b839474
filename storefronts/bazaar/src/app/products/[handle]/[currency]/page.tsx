import {
  describeAttributes,
  formatMoney,
  jsonLdString,
  preloadLcpImage,
  productBreadcrumbJsonLd,
  productCategoryCrumbs,
  productJsonLd,
  productMetadata,
} from '@souk/storefront-kit';
import { redirectToOwnAddress } from '@souk/storefront-kit/server';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { PickerVariant } from '@/components/AddToCartForm';
import { LiveAddToCart } from '@/components/LiveAddToCart';
import { ProductGallery } from '@/components/ProductGallery';
import { ProductReviews } from '@/components/ProductReviews';
import { RatingStars } from '@/components/RatingStars';
import { RelatedProducts } from '@/components/RelatedProducts';
import { config } from '@/lib/config';
import { getCategories, souk } from '@/lib/souk';
import { store } from '@/lib/store';

/** Product pages are static and regenerated at most once a minute (ISR). */
export const revalidate = 60;

/** How many of the newest products `next build` prerenders per currency; the rest render on first visit. */
const PRERENDERED = 24;

type Params = { handle: string; currency: string };

/**
 * Prerenders the newest products. When the API is unreachable at build time (a CI build, a Docker
 * image build) this returns no paths: the build still succeeds and every page renders on first visit.
 */
export async function generateStaticParams(): Promise<Params[]> {
  try {
    const page = await souk.store.products.list({ limit: PRERENDERED }, { maxRetries: 0, timeoutMs: 5_000 });
    return page.data.flatMap((p) =>
      config.currencies.map((c) => ({ handle: p.handle, currency: c.toLowerCase() })),
    );
  } catch {
    console.warn('bazaar: Souk API unreachable at build time; product pages will render on first visit');
    return [];
  }
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const product = await store.getPageProduct(await params);
  return product ? productMetadata(product) : { title: 'Product not found' };
}

export default async function ProductPage({ params }: { params: Promise<Params> }) {
  const route = await params;
  const product = await store.getPageProduct(route);
  if (!product) notFound();
  redirectToOwnAddress(route.handle, product);

  const variants: PickerVariant[] = product.variants.map((v) => ({
    id: v.id,
    title: v.title,
    options: v.options,
    priceLabel: v.price ? formatMoney(v.price) : null,
    available: v.available_quantity,
  }));
  const firstBuyable =
    product.variants.find((v) => v.price && v.available_quantity > 0) ?? product.variants[0];
  const attributes = describeAttributes(product.attributes);
  const gallery = product.images.slice(0, 5);
  const large = gallery.map((image, i) =>
    store.image(image, `${product.title}, picture ${i + 1}`, {
      // One column on phones, inside the container's 1rem padding.
      sizes: '(max-width: 800px) calc(100vw - 2rem), 600px',
    }),
  );
  // The first picture is the page's LCP element; the gallery (a client component) draws it.
  if (large[0]) preloadLcpImage(large[0]);
  // All products, then the category's ancestors and itself (All products › Home › Kitchen ›
  // Cookware), as on category pages. The tree is one request per render, shared with the header's
  // category bar when it draws the categories (no published navigation).
  const crumbs = [
    { name: 'All products', path: '/products' },
    ...productCategoryCrumbs(await getCategories().catch(() => []), product.category),
  ];

  return (
    <article className="product-page">
      <script type="application/ld+json">{jsonLdString(productJsonLd(product))}</script>
      <script type="application/ld+json">
        {jsonLdString(productBreadcrumbJsonLd(store.config.siteUrl, crumbs, product))}
      </script>
      <nav aria-label="Breadcrumb" className="breadcrumbs">
        <ol>
          {crumbs.map((crumb) => (
            <li key={crumb.path}>
              <a href={crumb.path}>{crumb.name}</a>
            </li>
          ))}
          <li aria-current="page">{product.title}</li>
        </ol>
      </nav>
      <div className="product-page__layout">
        <div className="product-page__gallery">
          <ProductGallery
            title={product.title}
            images={large}
            thumbs={gallery.map((image) =>
              store.image(image, product.title, { sizes: '96px', maxWidth: 320 }),
            )}
          />
        </div>
        <div className="product-page__info">
          <h1>{product.title}</h1>
          <RatingStars rating={product.rating} href="#reviews" />
          <p className="product-page__seller">
            Sold by{' '}
            <a href={`/sellers/${product.seller.handle}`} data-testid="seller-link">
              {product.seller.name}
            </a>
          </p>
          <LiveAddToCart
            connection={config.liveConnection}
            productId={product.id}
            options={product.options}
            variants={variants}
            initialVariantId={firstBuyable?.id}
          />
          {product.description && <p className="product-page__description">{product.description}</p>}
          {attributes.length > 0 && (
            <dl className="attributes">
              {attributes.map((row) => (
                <div key={row.key}>
                  <dt>{row.label}</dt>
                  <dd>{row.value}</dd>
                </div>
              ))}
            </dl>
          )}
        </div>
      </div>
      <ProductReviews productId={product.id} />
      <RelatedProducts product={product} currency={route.currency.toUpperCase()} />
    </article>
  );
}
