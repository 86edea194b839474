import {
  formatPriceRange,
  jsonLdString,
  productJsonLd,
  productMetadata,
  variantChoices,
} from '@souk/storefront-kit';
import { redirectToOwnAddress } from '@souk/storefront-kit/server';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AddToCart } from '@/app/products/[handle]/AddToCart';
import { store } from '@/lib/store';

type Props = { params: Promise<{ handle: string }> };

async function load(handle: string) {
  return store.getProduct(decodeURIComponent(handle), await store.getCurrency());
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = await load((await params).handle);
  return product ? productMetadata(product) : { title: 'Not found' };
}

export default async function ProductPage({ params }: Props) {
  const { handle } = await params;
  const product = await load(handle);
  if (!product) notFound();
  // An old handle (a rename) or the id: a permanent redirect to the product's own address.
  redirectToOwnAddress(handle, product);
  const { variants, initialId } = variantChoices(product);
  const image = product.images[0];
  // Full width on a phone, half of the 1,100 px page beside the text on a desktop (see .product).
  const props = image
    ? store.image(image, product.title, { sizes: '(max-width: 800px) 100vw, 530px' })
    : null;
  return (
    <article className="product">
      <script type="application/ld+json">{jsonLdString(productJsonLd(product))}</script>
      {/* biome-ignore lint/performance/noImgElement: srcset from Souk's variants, computed by the kit. */}
      {props && <img {...props} alt={props.alt} />}
      <div>
        <h1>{product.title}</h1>
        <p className="muted">by {product.seller.name}</p>
        <p className="product__price">
          {formatPriceRange(product.price_range) ?? 'Not sold in this currency'}
        </p>
        <p>{product.description}</p>
        <AddToCart variants={variants} initialVariantId={initialId} />
      </div>
    </article>
  );
}
