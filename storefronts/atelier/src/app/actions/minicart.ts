'use server';

import { formatMoney, type ImageProps } from '@souk/storefront-kit';
import { store } from '@/lib/store';

/** One line of the mini-cart drawer, ready to render in the browser. */
export interface MiniCartLine {
  id: string;
  href: string;
  title: string;
  variant: string;
  quantity: number;
  price: string;
  image: ImageProps | null;
}

export interface MiniCart {
  count: number;
  lines: MiniCartLine[];
  subtotal: string | null;
}

/** The buyer's cart for the drawer: lines with thumbnails and formatted prices (read-only). */
export async function loadMiniCart(): Promise<MiniCart> {
  const cart = await store.getCart();
  if (!cart || cart.items.length === 0) return { count: 0, lines: [], subtotal: null };
  const images = await store.getCartImages(cart);
  return {
    count: cart.items.reduce((sum, i) => sum + i.quantity, 0),
    lines: cart.items.map((item) => {
      const image = images.get(item.product_handle);
      return {
        id: item.id,
        href: `/products/${item.product_handle}`,
        title: item.product_title,
        variant: item.variant_title,
        quantity: item.quantity,
        price: item.subtotal ? formatMoney(item.subtotal) : 'Unavailable',
        image: image ? store.image(image, item.product_title, { sizes: '80px', maxWidth: 160 }) : null,
      };
    }),
    subtotal: formatMoney(cart.totals.subtotal),
  };
}
