import type { ProblemCode } from '@souk/sdk';
import { isSoukError, SoukConnectionError } from '@souk/sdk';

/**
 * What to tell the buyer for each problem code. The theme maps the API's stable `code`, never its
 * human-readable `detail` text, so wording stays the theme's and the mapping survives API copy edits.
 */
export const problemMessages: Partial<Record<ProblemCode, string>> = {
  out_of_stock: 'Sorry — not enough stock is left for an item in your cart. Lower the quantity or remove it.',
  payment_declined: 'Your payment was declined. Please choose another payment method.',
  payment_insufficient_funds: 'The card has insufficient funds. Please choose another payment method.',
  payment_requires_review:
    'The payment was held for review, so no order was placed. Please use another method.',
  variant_unavailable: 'An item is no longer available. Remove it from your cart to continue.',
  currency_mismatch: 'An item has no price in your cart’s currency.',
  quantity_limit_exceeded: 'You can buy at most 100 of one item.',
  cart_empty: 'Your cart is empty.',
  cart_incomplete: 'Please add your email address and shipping address.',
  cart_completed: 'This cart was already checked out.',
  cart_changed: 'Your cart changed while we were placing the order. Please check it and try again.',
  destination_unsupported: 'We cannot ship this cart to that country yet.',
  validation_failed: 'Please check the highlighted fields.',
  idempotency_in_progress: 'Your order is still being placed. Please wait a moment.',
  idempotency_key_reused: 'This form was already submitted with other details. Please reload the page.',
  not_found: 'That item could not be found.',
};

/** A problem in a form's state: a code the page can style on, a message and field errors by field name. */
export interface FormProblem {
  code: ProblemCode | 'unreachable';
  message: string;
  fields: Record<string, string>;
}

/** Field name of a body pointer such as `/shipping_address/postal_code` → `postal_code`. */
function fieldName(pointer: string): string {
  return pointer.split('/').filter(Boolean).at(-1) ?? pointer;
}

/**
 * Turns an error thrown by the SDK into a message for the buyer; rethrows anything else. A theme may
 * pass its own wording for some codes (`overrides`); the others keep the kit's.
 */
export function toFormProblem(
  err: unknown,
  overrides: Partial<Record<ProblemCode, string>> = {},
): FormProblem {
  if (err instanceof SoukConnectionError) {
    return {
      code: 'unreachable',
      message: 'The shop is not reachable right now. Please try again.',
      fields: {},
    };
  }
  if (!isSoukError(err)) throw err;
  const fields: Record<string, string> = {};
  for (const e of err.errors) fields[fieldName(e.field)] = e.message;
  const message =
    overrides[err.code] ??
    problemMessages[err.code] ??
    `Something went wrong (${err.code}). Please try again.`;
  return { code: err.code, message, fields };
}
