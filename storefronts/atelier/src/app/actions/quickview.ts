'use server';

import { type ImageProps, type OptionChoice, type VariantChoice, variantChoices } from '@souk/storefront-kit';
import { store } from '@/lib/store';

/** What the quick view draws for one product, in the buyer's currency. */
export interface QuickViewDetails {
  seller: string;
  image: ImageProps | null;
  options: OptionChoice[];
  variants: VariantChoice[];
  initialVariantId: string | undefined;
}

/**
 * A product's picture, options and variants for the listing's quick view, read when a shopper opens it:
 * a listing then carries a title and a handle per card instead of every card's variants and srcset.
 */
export async function loadQuickView(handle: string): Promise<QuickViewDetails | null> {
  const product = await store.getProduct(handle, await store.getCurrency());
  if (!product) return null;
  const [first] = product.images;
  const { variants, initialId } = variantChoices(product);
  return {
    seller: product.seller.name,
    image: first ? store.image(first, product.title, { sizes: '(max-width: 900px) 100vw, 460px' }) : null,
    options: product.options.map((o) => ({ name: o.name, values: o.values })),
    variants,
    initialVariantId: initialId,
  };
}
