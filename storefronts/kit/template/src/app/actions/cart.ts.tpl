'use server';

import type { AddToCartState } from '@souk/storefront-kit/server';
import { actions } from '@/lib/store';

/** Adds the posted variant to the buyer's cart (the kit creates the cart and its cookie). */
export async function addToCart(prev: AddToCartState, formData: FormData): Promise<AddToCartState> {
  return actions.addToCart(prev, formData);
}
