import 'server-only';
import { randomUUID } from 'node:crypto';
import { isSoukError, type Order, type ShippingAddress } from '@souk/sdk';
import { refresh, revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { sameAddress } from '../address-form';
import {
  addressComplete,
  type CheckoutField,
  type CheckoutState,
  checkoutFields,
  shippingAddressFields,
} from '../checkout-form';
import { privateCookie, publicCookie, safePath } from '../cookies';
import { type FormProblem, toFormProblem } from '../problems';
import { supportedCurrency } from './config';
import { CartCurrencyError, type Storefront } from './storefront';

export interface AddToCartState {
  status: 'idle' | 'added' | 'error';
  message: string;
  /** Bumped on every result so the form can announce the same message twice. */
  seq: number;
  problem?: FormProblem;
  /** Units in the cart after a successful add (for a mini-cart). */
  count?: number;
}

export interface CartLineState {
  message: string;
}

function quantityOf(formData: FormData, field = 'quantity'): number {
  const n = Number(formData.get(field) ?? 1);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 100) : 1;
}

function text(formData: FormData, field: CheckoutField): string {
  return String(formData.get(field) ?? '').trim();
}

/** A form's address fields as the API's `ShippingAddress` (empty optional fields become null). */
export function addressOf(values: Partial<Record<string, string>>): ShippingAddress {
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
 * The bodies of a theme's Server Actions. A theme's `'use server'` file wraps each in an exported
 * async function (Next only accepts functions defined in such a file), e.g.
 * `export async function addToCart(s, f) { return actions.addToCart(s, f); }`.
 */
export function createActions(store: Storefront) {
  const { config, souk } = store;

  /**
   * Adds the chosen variant to the buyer's cart, creating the cart (and its httpOnly cookie) on first
   * use. Prices and stock are checked by the API; the browser only says which variant and how many.
   */
  async function addToCart(prev: AddToCartState, formData: FormData): Promise<AddToCartState> {
    const seq = prev.seq + 1;
    const variantId = String(formData.get('variant_id') ?? '');
    if (!variantId) return { status: 'error', message: 'Please choose an option.', seq };
    try {
      const cart = await store.cartForAdding(await store.getCurrency());
      const updated = await souk.store.carts.addItem(cart.id, {
        variant_id: variantId,
        quantity: quantityOf(formData),
      });
      await store.rememberCart(updated);
      revalidatePath('/cart');
      const count = updated.items.reduce((sum, i) => sum + i.quantity, 0);
      return { status: 'added', message: 'Added to your cart.', seq, count };
    } catch (err) {
      if (err instanceof CartCurrencyError) {
        const message = `Your cart is priced in ${err.cartCurrency}. Switch the currency to ${err.cartCurrency} to add this item, or empty your cart first.`;
        return { status: 'error', message, seq };
      }
      const problem = toFormProblem(err);
      return { status: 'error', message: problem.message, seq, problem };
    }
  }

  /** Changes a line's quantity (0 removes it). */
  async function updateLine(_prev: CartLineState, formData: FormData): Promise<CartLineState> {
    const itemId = String(formData.get('item_id') ?? '');
    const quantity = Number(formData.get('quantity'));
    const cart = await store.getCart();
    if (!cart || !itemId) return { message: 'Your cart has changed. Please reload the page.' };
    try {
      const updated =
        Number.isInteger(quantity) && quantity > 0
          ? await souk.store.carts.updateItem(cart.id, itemId, { quantity: Math.min(quantity, 100) })
          : await souk.store.carts.removeItem(cart.id, itemId);
      await store.rememberCart(updated);
      revalidatePath('/cart');
      return { message: '' };
    } catch (err) {
      return { message: toFormProblem(err).message };
    }
  }

  /** Removes a line. */
  async function removeLine(_prev: CartLineState, formData: FormData): Promise<CartLineState> {
    const itemId = String(formData.get('item_id') ?? '');
    const cart = await store.getCart();
    if (!cart || !itemId) return { message: 'Your cart has changed. Please reload the page.' };
    try {
      await store.rememberCart(await souk.store.carts.removeItem(cart.id, itemId));
      revalidatePath('/cart');
      return { message: '' };
    } catch (err) {
      return { message: toFormProblem(err).message };
    }
  }

  /**
   * Places the order with the form's Idempotency-Key. A duplicate submit sends the same key and body,
   * so the API answers with the same order; while the first still runs the API says
   * `idempotency_in_progress`, and we wait for it.
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

  /**
   * Keeps the order's address in the signed-in shopper's book (the form's "save this address" box),
   * unless it is there already; the first one saved becomes the default. The order is placed by then,
   * so a failure here is logged and never shown as a failed checkout.
   */
  async function rememberAddress(address: ShippingAddress): Promise<void> {
    const token = await store.getSessionToken();
    if (!token) return;
    try {
      const saved = await souk.store.customers.addresses.list(token);
      if (saved.data.some((s) => sameAddress(s.address, address))) return;
      await souk.store.customers.addresses.create(token, { address });
    } catch (err) {
      console.warn(`${config.themeId}: the order's address was not saved to the account`, err);
    }
  }

  /**
   * Saves the contact and address on the cart, checks it out and redirects to the confirmation. With
   * `save_address=on` from a signed-in shopper, the address also goes into their address book.
   */
  async function checkout(prev: CheckoutState, formData: FormData): Promise<CheckoutState> {
    const values: CheckoutState['values'] = {};
    for (const field of checkoutFields) values[field] = text(formData, field);
    const idempotencyKey = String(formData.get('idempotency_key') || prev.idempotencyKey);
    const seq = prev.seq + 1;
    const cartId = await store.getCartId();
    if (!cartId) {
      const problem: FormProblem = { code: 'cart_empty', message: 'Your cart is empty.', fields: {} };
      return { idempotencyKey, values, problem, seq };
    }
    let order: Order;
    try {
      const cart = await souk.store.carts.get(cartId);
      // A completed cart means this repeats a submit that already went through: skip the update (a
      // completed cart cannot change) and let the same key replay the order.
      if (cart.status === 'active') {
        // Signed in: the order belongs in the shopper's account, so the cart must be theirs (a no-op
        // when it already is). Merged into another cart of theirs: show that cart before charging.
        const mine = await store.attachToCustomer(cartId);
        if (mine && mine.id !== cartId) {
          await store.rememberCart(mine);
          const message = 'Your cart was combined with the one saved in your account. Please check it.';
          return { idempotencyKey, values, problem: { code: 'conflict', message, fields: {} }, seq };
        }
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
    if (formData.get('save_address') === 'on') await rememberAddress(addressOf(values));
    const jar = await cookies();
    if (order.access_token) {
      jar.set(
        config.cookies.orderToken,
        order.access_token,
        privateCookie(config.secureCookies, `/orders/${order.id}`),
      );
    }
    jar.delete(config.cookies.cartCount);
    redirect(`/orders/${order.id}`);
  }

  /**
   * Puts the checkout form's address on the cart as soon as it is complete, so the summary beside the
   * form shows that address's shipping, tax and total before the order is placed (the API prices a cart
   * by its address's country). One API call: the form's hook (`useAddressPreview`) already skips the
   * address the cart has. An incomplete address, or one the API refuses (or a cart no longer active),
   * is left alone: the checkout's own submit reports what is wrong. Refreshes the page when the cart
   * changed; answers whether it did.
   */
  async function previewAddress(formData: FormData): Promise<{ changed: boolean }> {
    const cartId = await store.getCartId();
    if (!addressComplete(formData) || !cartId) return { changed: false };
    const values: Partial<Record<string, string>> = {};
    for (const field of shippingAddressFields) values[field] = text(formData, field);
    try {
      await souk.store.carts.update(cartId, { shipping_address: addressOf(values) });
    } catch {
      return { changed: false };
    }
    refresh();
    return { changed: true };
  }

  /** Stores the picked currency and reloads the page the buyer was on. */
  async function setCurrency(formData: FormData): Promise<void> {
    const currency = supportedCurrency(config, String(formData.get('currency') ?? ''));
    (await cookies()).set(config.cookies.currency, currency, publicCookie(config.secureCookies));
    // A listing cursor belongs to the old price filters' currency; start the listing over.
    const target = new URL(safePath(formData.get('return_to')), 'http://x');
    target.searchParams.delete('cursor');
    target.searchParams.delete('back');
    redirect(`${target.pathname}${target.search}`);
  }

  return { addToCart, updateLine, removeLine, checkout, previewAddress, setCurrency };
}
