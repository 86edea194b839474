'use server';

import type { CheckoutState } from '@souk/storefront-kit';
import { actions } from '@/lib/store';

/**
 * Saves the contact and address on the cart, checks it out with the form's Idempotency-Key and shows
 * the confirmation (see the storefront kit's `createActions`).
 */
export async function checkout(prev: CheckoutState, formData: FormData): Promise<CheckoutState> {
  return actions.checkout(prev, formData);
}

/**
 * Puts the form's address on the cart once it is complete, so the summary shows its tax and total
 * before the order is placed (see the storefront kit's `createActions`).
 */
export async function previewAddress(formData: FormData): Promise<{ changed: boolean }> {
  return actions.previewAddress(formData);
}
