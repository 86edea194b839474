import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import type { components } from '../../generated/openapi.js';
import type { WriteSteps } from '../../http/idempotency.js';
import { newId } from '../../lib/ids.js';
import { newCartId } from './cart-id.js';
import { isForSale, loadCartState, MAX_LINE_QUANTITY } from './cart-state.service.js';
import { cartNotFound } from './carts.errors.js';
import { attachCustomerCart, customerCart } from './carts.merge.js';
import * as repo from './carts.repository.js';
import { type Cart, toCartView } from './carts.views.js';

type Schemas = components['schemas'];

export interface CartsServiceDeps {
  db: Kysely<Database>;
  /** Called once a change to a cart has committed (live cart views re-read it); must not throw. */
  changed?: (cartId: string) => Promise<void>;
}

/** The part of the write owner's steps a cart write uses: announcing the change after commit. */
type Steps = Pick<WriteSteps, 'onCommit'>;

/**
 * Storefront carts. Every write locks the cart row first (`FOR UPDATE`), so writes to one cart —
 * and a checkout of it — run one after the other, and a completed cart can never change.
 * Writes run in the transaction they are given (the request's write owner opens it).
 */
export function createCartsService({ db, changed }: CartsServiceDeps) {
  /** Announces the cart's change once the write commits (never for a write that rolls back). */
  function announce(steps: Steps, ...cartIds: (string | null | undefined)[]): void {
    if (!changed) return;
    for (const id of new Set(cartIds)) if (id) steps.onCommit(() => changed(id));
  }

  /** Locks an active cart for a change; `not_found` / `cart_completed` otherwise. */
  async function lockActiveCart(trx: Kysely<Database>, cartId: string): Promise<repo.CartRow> {
    const cart = await repo.findCart(trx, cartId, { lock: true });
    if (!cart) throw cartNotFound(cartId);
    if (cart.status !== 'active') {
      throw new AppError('cart_completed', 'The cart was checked out and can no longer change.');
    }
    return cart;
  }

  /**
   * Records the change and returns the cart as it now is. A change that grows the cart (more units)
   * is refused when the cart would then total more than the API can express; other changes go
   * through and the cart shows the problem (a price may have risen since the lines were added).
   */
  async function afterChange(
    trx: Kysely<Database>,
    cartId: string,
    steps: Steps,
    grew = false,
  ): Promise<Cart> {
    await repo.touchCart(trx, cartId);
    announce(steps, cartId);
    const state = await loadCartState(trx, cartId, { lock: false });
    if (grew && state.lines.some((l) => l.issue === 'quantity_limit_exceeded')) throw tooLarge();
    return toCartView(state);
  }

  /** Checks that a variant can go into the cart with `quantity` units on its line. */
  async function checkVariant(
    trx: Kysely<Database>,
    cart: repo.CartRow,
    variantId: string,
    quantity: number,
  ): Promise<void> {
    const variant = await repo.findVariantForCart(trx, variantId, cart.currency);
    if (!variant || !isForSale(variant)) {
      throw new AppError('variant_unavailable', `The variant ${variantId} is not for sale.`);
    }
    if (variant.unit_amount === null) {
      throw new AppError('currency_mismatch', `The variant ${variantId} has no price in ${cart.currency}.`);
    }
    if (quantity > MAX_LINE_QUANTITY) {
      throw new AppError(
        'quantity_limit_exceeded',
        `A cart line holds at most ${MAX_LINE_QUANTITY} units; this one would hold ${quantity}.`,
      );
    }
    if (quantity > variant.inventory_quantity) {
      throw new AppError(
        'out_of_stock',
        `Only ${variant.inventory_quantity} units of ${variant.sku} are available; the line would hold ${quantity}.`,
      );
    }
  }

  return {
    /** Creates an empty active cart in a currency. */
    async createCart(input: Schemas['CartCreate'], trx: Kysely<Database>): Promise<Cart> {
      const cart = await repo.insertCart(trx, { id: newCartId(), currency: input.currency });
      return toCartView(await loadCartState(trx, cart.id, { lock: false }));
    },

    /** The cart priced from the current catalog; `not_found` for an unknown id. */
    async getCart(cartId: string): Promise<Cart> {
      return toCartView(await loadCartState(db, cartId, { lock: false }));
    },

    /** Sets or clears the email and shipping address. */
    async updateCart(
      cartId: string,
      input: Schemas['CartUpdate'],
      trx: Kysely<Database>,
      steps: Steps,
    ): Promise<Cart> {
      await lockActiveCart(trx, cartId);
      const address = input.shipping_address;
      await repo.updateCartContact(trx, cartId, {
        email: input.email,
        shippingAddress:
          address === undefined ? undefined : address === null ? null : JSON.stringify(normalize(address)),
      });
      return afterChange(trx, cartId, steps);
    },

    /** Adds units of a variant; a variant already in the cart grows its line instead. */
    async addItem(
      cartId: string,
      input: Schemas['CartItemAdd'],
      trx: Kysely<Database>,
      steps: Steps,
    ): Promise<Cart> {
      const cart = await lockActiveCart(trx, cartId);
      const existing = await repo.findItemByVariant(trx, cartId, input.variant_id);
      const quantity = (existing?.quantity ?? 0) + input.quantity;
      await checkVariant(trx, cart, input.variant_id, quantity);
      if (existing) {
        await repo.updateItemQuantity(trx, existing.id, quantity);
      } else {
        const row = { id: newId('item'), cart_id: cartId, variant_id: input.variant_id, quantity };
        if (!(await repo.upsertItem(trx, row))) {
          throw new AppError('variant_unavailable', `The variant ${input.variant_id} is not for sale.`);
        }
      }
      return afterChange(trx, cartId, steps, true);
    },

    /** Sets the quantity of a line, checking its variant again. */
    async updateItem(
      cartId: string,
      itemId: string,
      input: Schemas['CartItemUpdate'],
      trx: Kysely<Database>,
      steps: Steps,
    ): Promise<Cart> {
      const cart = await lockActiveCart(trx, cartId);
      const item = await repo.findItem(trx, cartId, itemId);
      if (!item) throw itemNotFound(cartId, itemId);
      await checkVariant(trx, cart, item.variant_id, input.quantity);
      await repo.updateItemQuantity(trx, item.id, input.quantity);
      return afterChange(trx, cartId, steps, input.quantity > item.quantity);
    },

    /** Removes a line, whatever the state of its variant. */
    async removeItem(cartId: string, itemId: string, trx: Kysely<Database>, steps: Steps): Promise<Cart> {
      await lockActiveCart(trx, cartId);
      if (!(await repo.deleteItem(trx, cartId, itemId))) throw itemNotFound(cartId, itemId);
      return afterChange(trx, cartId, steps);
    },

    /** The customer's active cart, or `not_found`. */
    customerCart: (customerId: string): Promise<Cart> => customerCart(db, customerId),

    /** Attaches, merges or creates the signed-in customer's cart (`POST /store/customers/me/cart`). */
    async attachCustomerCart(
      input: Parameters<typeof attachCustomerCart>[1],
      trx: Kysely<Database>,
      steps: Steps,
    ) {
      const out = await attachCustomerCart(trx, input);
      // The guest cart may be merged away (its watchers hear it is gone) or now belong to the account.
      announce(steps, out.cart.id, input.guestCartId);
      return out;
    },
  };
}

export type CartsService = ReturnType<typeof createCartsService>;

function itemNotFound(cartId: string, itemId: string): AppError {
  return new AppError('not_found', `The cart ${cartId} has no item '${itemId}'.`);
}

function tooLarge(): AppError {
  return new AppError('quantity_limit_exceeded', 'The cart total would exceed the largest amount supported.');
}

/** The stored form of an address: every optional field present (null when not given). */
function normalize(address: Schemas['ShippingAddress']): Schemas['ShippingAddress'] {
  return {
    name: address.name,
    line1: address.line1,
    line2: address.line2 ?? null,
    city: address.city,
    postal_code: address.postal_code,
    region: address.region ?? null,
    country: address.country,
    phone: address.phone ?? null,
  };
}
