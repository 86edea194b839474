import 'server-only';
import type { Cart } from '@souk/sdk';
import { cookies } from 'next/headers';
import { config } from './config';
import { CART_COOKIE, CART_COUNT_COOKIE, privateCookie, publicCookie } from './cookies';
import { isNotFound, souk } from './souk';

/** Units in a cart, for the header badge. */
export function unitCount(cart: Cart | null): number {
  return cart ? cart.items.reduce((sum, item) => sum + item.quantity, 0) : 0;
}

/**
 * The buyer's active cart, or null when there is none: no cookie, a cart the API no longer knows, or a
 * cart that was checked out (the cookie outlives checkout on purpose, so that a duplicate submit of the
 * checkout form still finds the cart and gets the same order replayed).
 */
export async function getCart(): Promise<Cart | null> {
  const id = (await cookies()).get(CART_COOKIE)?.value;
  if (!id) return null;
  try {
    const cart = await souk.store.carts.get(id);
    return cart.status === 'active' ? cart : null;
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

/** The cart id in the cookie, whatever the cart's state (for checkout). Server Actions only. */
export async function getCartId(): Promise<string | undefined> {
  return (await cookies()).get(CART_COOKIE)?.value;
}

/** Stores the cart id (httpOnly) and the unit count (readable). Server Actions only. */
export async function rememberCart(cart: Cart): Promise<void> {
  const jar = await cookies();
  jar.set(CART_COOKIE, cart.id, privateCookie(config.secureCookies));
  jar.set(CART_COUNT_COOKIE, String(unitCount(cart)), publicCookie(config.secureCookies));
}

/** Forgets the cart (after the buyer saw their confirmation). Server Actions only. */
export async function forgetCart(): Promise<void> {
  const jar = await cookies();
  jar.delete(CART_COOKIE);
  jar.delete(CART_COUNT_COOKIE);
}

/** Thrown when the buyer's cart holds items priced in another currency than the one they picked. */
export class CartCurrencyError extends Error {
  constructor(readonly cartCurrency: string) {
    super(`The cart is priced in ${cartCurrency}`);
  }
}

/**
 * The cart to add to: the active cart in `currency`, a new cart when there is none (or only an empty
 * one in another currency). A cart holding items in another currency is never replaced silently.
 */
export async function cartForAdding(currency: string): Promise<Cart> {
  const existing = await getCart();
  if (existing?.currency === currency) return existing;
  if (existing && existing.items.length > 0) throw new CartCurrencyError(existing.currency);
  return souk.store.carts.create({ currency });
}
