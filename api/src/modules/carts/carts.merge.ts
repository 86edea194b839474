import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import type { components } from '../../generated/openapi.js';
import { newId } from '../../lib/ids.js';
import { newCartId } from './cart-id.js';
import { isForSale, loadCartState, MAX_LINE_QUANTITY } from './cart-state.service.js';
import { cartNotFound } from './carts.errors.js';
import * as repo from './carts.repository.js';
import { type Cart, toCartView } from './carts.views.js';

type Db = Kysely<Database>;
type CustomerCart = components['schemas']['CustomerCart'];
type Adjustment = CustomerCart['adjustments'][number];

/** The customer's active cart, locked until the transaction ends. */
async function lockCustomerCart(trx: Db, customerId: string) {
  return trx
    .selectFrom('carts')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('status', '=', 'active')
    .forUpdate()
    .executeTakeFirst();
}

const setOwner = (trx: Db, cartId: string, customerId: string | null) =>
  trx
    .updateTable('carts')
    .set({ customer_id: customerId, updated_at: sql<Date>`now()` })
    .where('id', '=', cartId)
    .execute();

/**
 * Moves the guest cart's lines into the customer's cart (same currency). A variant in both keeps the
 * larger quantity — the same wish made twice is not doubled — capped by stock and the line limit;
 * a guest line that cannot be bought any more is dropped. Every deviation is reported.
 */
async function mergeLines(trx: Db, guest: repo.CartRow, own: repo.CartRow): Promise<Adjustment[]> {
  const adjustments: Adjustment[] = [];
  const guestItems = await trx
    .selectFrom('cart_items')
    .select(['variant_id', 'quantity'])
    .where('cart_id', '=', guest.id)
    .orderBy('created_at')
    .execute();
  for (const item of guestItems) {
    const existing = await repo.findItemByVariant(trx, own.id, item.variant_id);
    const variant = await repo.findVariantForCart(trx, item.variant_id, own.currency);
    if (!variant || !isForSale(variant) || variant.unit_amount === null) {
      const reason = variant && isForSale(variant) ? 'currency_mismatch' : 'unavailable';
      adjustments.push({
        variant_id: item.variant_id,
        requested: item.quantity,
        kept: existing?.quantity ?? 0,
        reason,
      });
      continue;
    }
    const wanted = Math.max(item.quantity, existing?.quantity ?? 0);
    let kept = Math.min(wanted, MAX_LINE_QUANTITY);
    let reason: Adjustment['reason'] | undefined =
      kept < wanted
        ? 'limited_by_line_limit'
        : existing && existing.quantity !== item.quantity
          ? 'kept_larger_quantity'
          : undefined;
    if (kept > variant.inventory_quantity) {
      kept = variant.inventory_quantity;
      reason = 'limited_by_stock';
    }
    if (reason) adjustments.push({ variant_id: item.variant_id, requested: item.quantity, kept, reason });
    if (existing) {
      if (kept === 0) await repo.deleteItem(trx, own.id, existing.id);
      else if (kept !== existing.quantity) await repo.updateItemQuantity(trx, existing.id, kept);
    } else if (kept > 0) {
      await repo.upsertItem(trx, {
        id: newId('item'),
        cart_id: own.id,
        variant_id: item.variant_id,
        quantity: kept,
      });
    }
  }
  // Contact details fill only what the customer's cart lacks: what the customer set wins.
  await repo.updateCartContact(trx, own.id, {
    email: own.email ?? guest.email ?? undefined,
    shippingAddress:
      own.shipping_address === null && guest.shipping_address !== null
        ? JSON.stringify(guest.shipping_address)
        : undefined,
  });
  await trx.deleteFrom('carts').where('id', '=', guest.id).execute();
  return adjustments;
}

/**
 * What signing in does to carts (the rules of `POST /store/customers/me/cart`): attach a guest cart,
 * merge it into the customer's active cart, replace it when the currencies differ, or return or
 * create the customer's cart. Runs in the caller's transaction; both carts are locked.
 */
export async function attachCustomerCart(
  trx: Db,
  input: { customerId: string; guestCartId?: string | undefined; currency?: string | undefined },
): Promise<{ cart: Cart } & Omit<CustomerCart, 'cart'>> {
  const own = await lockCustomerCart(trx, input.customerId);
  const result = async (cartId: string, rest: Omit<CustomerCart, 'cart' | 'guest_cart_id'>) => ({
    cart: toCartView(await loadCartState(trx, cartId, { lock: false })),
    guest_cart_id: input.guestCartId ?? null,
    ...rest,
  });
  const none = { released_cart_id: null, adjustments: [] };

  const guest = input.guestCartId ? await repo.findCart(trx, input.guestCartId, { lock: true }) : undefined;
  if (
    input.guestCartId &&
    (!guest || (guest.customer_id !== null && guest.customer_id !== input.customerId))
  ) {
    // Another customer's cart is as unknown as a cart that does not exist.
    throw cartNotFound(input.guestCartId);
  }
  if (guest && guest.status !== 'active') {
    throw new AppError('cart_completed', 'The guest cart was already checked out; it cannot be attached.');
  }
  if (!guest || guest.id === own?.id) {
    if (own) return result(own.id, { outcome: 'unchanged', ...none });
    if (!input.currency) {
      throw new AppError(
        'validation_failed',
        'The customer has no cart yet: give `currency` to create one.',
        {
          errors: [
            { in: 'body', field: '/currency', message: 'is required when there is no cart to attach' },
          ],
        },
      );
    }
    const created = await repo.insertCart(trx, { id: newCartId(), currency: input.currency });
    await setOwner(trx, created.id, input.customerId);
    return result(created.id, { outcome: 'created', ...none });
  }
  if (!own) {
    await setOwner(trx, guest.id, input.customerId);
    return result(guest.id, { outcome: 'attached', ...none });
  }
  if (own.currency !== guest.currency) {
    // The cart just used wins; the older one stays readable by its id but leaves the account.
    await setOwner(trx, own.id, null);
    await setOwner(trx, guest.id, input.customerId);
    return result(guest.id, { outcome: 'replaced', released_cart_id: own.id, adjustments: [] });
  }
  const adjustments = await mergeLines(trx, guest, own);
  await repo.touchCart(trx, own.id);
  return result(own.id, { outcome: 'merged', released_cart_id: null, adjustments });
}

/** The customer's active cart, or `not_found`. */
export async function customerCart(db: Db, customerId: string): Promise<Cart> {
  const row = await db
    .selectFrom('carts')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'You have no active cart.');
  return toCartView(await loadCartState(db, row.id, { lock: false }));
}
