'use server';

import { randomUUID } from 'node:crypto';
import { isSoukError, type Order, type ShippingAddress } from '@souk/sdk';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getCartId } from '@/lib/cart';
import { type CheckoutField, type CheckoutState, checkoutFields } from '@/lib/checkout-form';
import { config } from '@/lib/config';
import { CART_COUNT_COOKIE, ORDER_TOKEN_COOKIE, privateCookie } from '@/lib/cookies';
import { type FormProblem, toFormProblem } from '@/lib/problems';
import { souk } from '@/lib/souk';

function text(formData: FormData, field: CheckoutField): string {
  return String(formData.get(field) ?? '').trim();
}

function addressOf(values: Partial<Record<CheckoutField, string>>): ShippingAddress {
  return {
    name: values.name ?? '',
    line1: values.line1 ?? '',
    line2: values.line2 || null,
    city: values.city ?? '',
    postal_code: values.postal_code ?? '',
    region: values.region || null,
    country: (values.country ?? '').toUpperCase(),
    phone: values.phone || null,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Places the order with the form's Idempotency-Key. A duplicate submit (double click, a retried
 * request) sends the same key and body, so the API answers with the same order instead of a second
 * one; while the first is still running the API says `idempotency_in_progress`, and we wait for it.
 */
async function placeOrder(cartId: string, paymentMethod: string, idempotencyKey: string): Promise<Order> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await souk.store.carts.checkout(cartId, { payment_method: paymentMethod }, { idempotencyKey });
    } catch (err) {
      if (!isSoukError(err, 'idempotency_in_progress') || attempt >= 20) throw err;
      await sleep(250);
    }
  }
}

/** Saves the contact and address on the cart, checks it out and shows the confirmation. */
export async function checkout(prev: CheckoutState, formData: FormData): Promise<CheckoutState> {
  const values: CheckoutState['values'] = {};
  for (const field of checkoutFields) values[field] = text(formData, field);
  const idempotencyKey = String(formData.get('idempotency_key') || prev.idempotencyKey);
  const seq = prev.seq + 1;
  const cartId = await getCartId();
  if (!cartId) {
    const problem: FormProblem = { code: 'cart_empty', message: 'Your cart is empty.', fields: {} };
    return { idempotencyKey, values, problem, seq };
  }
  let order: Order;
  try {
    const cart = await souk.store.carts.get(cartId);
    // A completed cart means this is a repeat of a submit that already went through: skip the update
    // (a completed cart cannot change) and let the same key replay the order.
    if (cart.status === 'active') {
      await souk.store.carts.update(cartId, {
        email: values.email ?? '',
        shipping_address: addressOf(values),
      });
    }
    order = await placeOrder(cartId, values.payment_method ?? '', idempotencyKey);
  } catch (err) {
    const problem = toFormProblem(err);
    // Without an answer the order may exist: keep the key so a retry replays it. After a definite
    // failure the next attempt is a new request (another card, fixed fields), so it needs a new key.
    const nextKey = problem.code === 'unreachable' ? idempotencyKey : randomUUID();
    return { idempotencyKey: nextKey, values, problem, seq };
  }
  const jar = await cookies();
  if (order.access_token) {
    jar.set(
      ORDER_TOKEN_COOKIE,
      order.access_token,
      privateCookie(config.secureCookies, `/orders/${order.id}`),
    );
  }
  jar.delete(CART_COUNT_COOKIE);
  redirect(`/orders/${order.id}`);
}
