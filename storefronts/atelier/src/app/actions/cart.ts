'use server';

import type { AddToCartState, CartLineState } from '@souk/storefront-kit/server';
import { actions } from '@/lib/store';

export type { AddToCartState, CartLineState };

/** Adds the chosen variant to the buyer's cart (see the storefront kit's `createActions`). */
export async function addToCart(prev: AddToCartState, formData: FormData): Promise<AddToCartState> {
  return actions.addToCart(prev, formData);
}

/** Changes a line's quantity (0 removes it). */
export async function updateLine(prev: CartLineState, formData: FormData): Promise<CartLineState> {
  return actions.updateLine(prev, formData);
}

/** Removes a line. */
export async function removeLine(prev: CartLineState, formData: FormData): Promise<CartLineState> {
  return actions.removeLine(prev, formData);
}
