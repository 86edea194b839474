import {
  describeAttributes,
  jsonLdString,
  preloadLcpImage,
  productBreadcrumbJsonLd,
  productCategoryCrumbs,
  productJsonLd,
  productMetadata,
  variantChoices,
} from '@souk/storefront-kit';
import { redirectToOwnAddress } from '@souk/storefront-kit/server';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AddToBag } from '@/components/AddToBag';
import { Related } from '@/components/Related';
import { RatingLine, Reviews } from '@/components/Reviews';
import { store } from '@/lib/store';

/** Product pages are static per currency and regenerated at most once a minute (ISR). */
export const revalidate = 60;

type Params = { handle: string; currency: string };

/** Prerenders the newest products; with no API at build time, every page renders on first visit. */
export async function generateStaticParams(): Promise<Params[]> {
  try {
    const page = await store.souk.store.products.list({ limit: 12 }, { maxRetries: 0, timeoutMs: 5_000 });
    return page.data.flatMap((p) =>
      store.config.currencies.map((c) => ({ handle: p.handle, currency: c.toLowerCase() })),
    );
  } catch {
    console.warn('atelier: Souk API unreachable at build time; product pages will render on first visit');
    return [];
  }
}

/** The maker's own shipping and returns policies, when they wrote them (their page's profile). */
async function makerPolicies(sellerId: string): Promise<{ shipping?: string; returns?: string }> {
  try {
    // No retries: without them the page falls back to the shop's own words at once.
    return (await store.souk.store.sellers.page(sellerId, { maxRetries: 0 })).profile.policies;
  } catch {
    return {};
  }
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const product = await store.getPageProduct(await params);
  return product ? productMetadata(product) : { title: 'Not found' };
}

export default async function ProductPage({ params }: { params: Promise<Params> }) {
  const route = await params;
  const product = await store.getPageProduct(route);
  if (!product) notFound();
  redirectToOwnAddress(route.handle, product);
  const policies = await makerPolicies(product.seller.id);
  const { variants, initialId } = variantChoices(product);
  const attributes = describeAttributes(product.attributes);
  const images = product.images.slice(0, 4);
  // The category's ancestors too (Shop / Home / Kitchen / Cookware). The tree is one request per
  // render, shared with the mega-menu when it draws the categories (no published navigation).
  const crumbs = [
    { name: 'Shop', path: '/products' },
    ...productCategoryCrumbs(await store.getCategories().catch(() => []), product.category),
  ];
  return (
    <>
      <article className="pdp">
        <script type="application/ld+json">{jsonLdString(productJsonLd(product))}</script>
        <script type="application/ld+json">
          {jsonLdString(productBreadcrumbJsonLd(store.config.siteUrl, crumbs, product))}
        </script>
        <div className="pdp__gallery" data-testid="gallery">
          {images.length === 0 && (
            <div
              className="pdp__img card__img--empty"
              role="img"
              aria-label={`${product.title} (no image)`}
            />
          )}
          {images.map((image, i) => {
            const props = store.image(image, `${product.title}, picture ${i + 1}`, {
              // Phones scroll the gallery sideways, each picture 88 % of the viewport (globals.css).
              sizes: '(max-width: 900px) 88vw, 58vw',
            });
            if (i === 0) preloadLcpImage(props);
            return (
              // biome-ignore lint/performance/noImgElement: srcset from Souk's variants, computed by the kit.
              <img
                key={image.url}
                className="pdp__img"
                {...props}
                alt={props.alt}
                loading={i === 0 ? 'eager' : 'lazy'}
                fetchPriority={i === 0 ? 'high' : 'auto'}
                decoding="async"
              />
            );
          })}
        </div>
        <div className="pdp__info">
          <nav aria-label="Breadcrumb" className="crumbs">
            <ol>
              {crumbs.map((crumb) => (
                <li key={crumb.path}>
                  <a href={crumb.path}>{crumb.name}</a>
                </li>
              ))}
            </ol>
          </nav>
          <p className="eyebrow">
            <a href={`/makers/${product.seller.handle}`} data-testid="seller-link">
              {product.seller.name}
            </a>
          </p>
          <h1 className="pdp__title">{product.title}</h1>
          <RatingLine rating={product.rating} href="#reviews" />
          {product.description && <p className="pdp__lede">{product.description}</p>}
          <AddToBag
            options={product.options.map((o) => ({ name: o.name, values: o.values }))}
            variants={variants}
            initialVariantId={initialId}
          />
          <div className="pdp__details">
            {attributes.length > 0 && (
              <details open>
                <summary>Details</summary>
                <dl className="specs">
                  {attributes.map((row) => (
                    <div key={row.key}>
                      <dt>{row.label}</dt>
                      <dd>{row.value}</dd>
                    </div>
                  ))}
                </dl>
              </details>
            )}
            <details>
              <summary>Shipping and returns</summary>
              <p>
                {product.seller.name} ships this piece themselves, at their own rate, shown in your bag.{' '}
                {policies.shipping}
              </p>
              <p>{policies.returns ?? 'Returns are free within 30 days.'}</p>
            </details>
          </div>
        </div>
      </article>
      {/* After the article, not in its grid: the sticky details column would ride over it. */}
      <Reviews productId={product.id} />
      <Related product={product} currency={route.currency.toUpperCase()} />
    </>
  );
}
