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
