'use server';

import { revalidatePath } from 'next/cache';
import { CartCurrencyError, cartForAdding, getCart, rememberCart } from '@/lib/cart';
import { getCurrency } from '@/lib/currency';
import { type FormProblem, toFormProblem } from '@/lib/problems';
import { souk } from '@/lib/souk';

export interface AddToCartState {
  status: 'idle' | 'added' | 'error';
  message: string;
  /** Bumped on every result so the form can announce the same message twice. */
  seq: number;
  problem?: FormProblem;
}

function quantityOf(formData: FormData, field = 'quantity'): number {
  const n = Number(formData.get(field) ?? 1);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 100) : 1;
}

/**
 * Adds the chosen variant to the buyer's cart, creating the cart (and its httpOnly cookie) on first
 * use. Prices and stock are checked by the API; the browser only says which variant and how many.
 */
export async function addToCart(prev: AddToCartState, formData: FormData): Promise<AddToCartState> {
  const seq = prev.seq + 1;
  const variantId = String(formData.get('variant_id') ?? '');
  if (!variantId) return { status: 'error', message: 'Please choose an option.', seq };
  try {
    const cart = await cartForAdding(await getCurrency());
    const updated = await souk.store.carts.addItem(cart.id, {
      variant_id: variantId,
      quantity: quantityOf(formData),
    });
    await rememberCart(updated);
    revalidatePath('/cart');
    return { status: 'added', message: 'Added to your cart.', seq };
  } catch (err) {
    if (err instanceof CartCurrencyError) {
      const message = `Your cart is priced in ${err.cartCurrency}. Switch the currency to ${err.cartCurrency} to add this item, or empty your cart first.`;
      return { status: 'error', message, seq };
    }
    const problem = toFormProblem(err);
    return { status: 'error', message: problem.message, seq, problem };
  }
}

export interface CartLineState {
  message: string;
}

/** Changes a line's quantity (0 removes it). */
export async function updateLine(_prev: CartLineState, formData: FormData): Promise<CartLineState> {
  const itemId = String(formData.get('item_id') ?? '');
  const quantity = Number(formData.get('quantity'));
  const cart = await getCart();
  if (!cart || !itemId) return { message: 'Your cart has changed. Please reload the page.' };
  try {
    const updated =
      Number.isInteger(quantity) && quantity > 0
        ? await souk.store.carts.updateItem(cart.id, itemId, { quantity: Math.min(quantity, 100) })
        : await souk.store.carts.removeItem(cart.id, itemId);
    await rememberCart(updated);
    revalidatePath('/cart');
    return { message: '' };
  } catch (err) {
    return { message: toFormProblem(err).message };
  }
}

/** Removes a line. */
export async function removeLine(_prev: CartLineState, formData: FormData): Promise<CartLineState> {
  const itemId = String(formData.get('item_id') ?? '');
  const cart = await getCart();
  if (!cart || !itemId) return { message: 'Your cart has changed. Please reload the page.' };
  try {
    await rememberCart(await souk.store.carts.removeItem(cart.id, itemId));
    revalidatePath('/cart');
    return { message: '' };
  } catch (err) {
    return { message: toFormProblem(err).message };
  }
}
