import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError, type ErrorCode } from '../../errors.js';
import type { StagedWork, WriteSteps } from '../../http/idempotency.js';
import { newId } from '../../lib/ids.js';
import { hashKey } from '../auth/index.js';
import { cartAlreadyCheckedOut, priceCart } from '../carts/index.js';
import { takeStock } from '../catalog/index.js';
import { outboxColumns } from '../events/index.js';
import { ledgerBook } from '../ledger/index.js';
import type { PaymentProvider } from '../payments/index.js';
import { orderEvent } from './orders.events.js';
import type { Order } from './orders.views.js';
import { placedOrderRows, placedOrderView } from './placed-order.js';
import { placeOrder } from './placed-order.repository.js';

/** An authorization made for a checkout, as voided if the order does not commit. */
interface Authorization {
  providerRef: string;
  amount: number;
  currency: string;
}

const DECLINES: Record<string, ErrorCode> = {
  declined: 'payment_declined',
  insufficient_funds: 'payment_insufficient_funds',
  requires_review: 'payment_requires_review',
};

export interface CheckoutDeps {
  /** For the unlocked pricing that decides the amount to authorize, before the transaction. */
  db: Kysely<Database>;
  payments: PaymentProvider;
  /** Called once a checkout committed, with the cart it closed (live cart views show it completed). */
  cartChanged?: (cartId: string) => Promise<void>;
}

/** Turns a cart into an order (the checkout handler runs it once per Idempotency-Key). */
export function createCheckoutService({ db, payments, cartChanged }: CheckoutDeps) {
  return {
    /**
     * Before the transaction: price the cart (unlocked) and authorize that total, so the provider's
     * round trip holds neither a pooled connection nor the cart's lock. Then one transaction: re-price
     * the cart under its lock (`cart_changed` when the total or currency moved meanwhile), write the
     * order, its seller orders, lines and events, book the ledger, close the cart, and — last, after the
     * response is stored — take stock atomically. A decline writes nothing; any later failure (a changed
     * cart, out of stock, a fault) rolls all of it back and voids the authorization.
     */
    checkout(input: { cartId: string; paymentMethod: string }): StagedWork<Order & { access_token: string }> {
      return {
        before: async (steps) => {
          const quoted = await priceCart(db, input.cartId, { lock: false, forCheckout: true });
          const orderId = newId('ord');
          const auth = await payments.authorize({
            amount: quoted.totals.total,
            currency: quoted.currency,
            paymentMethod: input.paymentMethod,
            reference: orderId,
          });
          if (auth.status !== 'authorized')
            throw new AppError(DECLINES[auth.status] ?? 'payment_declined', auth.message);
          // If the order does not commit, release the money held for it.
          const authorization = {
            providerRef: auth.providerRef,
            amount: quoted.totals.total,
            currency: quoted.currency,
          };
          steps.onAbort(() => payments.void(authorization));
          return (trx, txSteps) => place(trx, { cartId: input.cartId, orderId, authorization }, txSteps);
        },
      };
    },
  };

  async function place(
    trx: Kysely<Database>,
    { cartId, orderId, authorization }: { cartId: string; orderId: string; authorization: Authorization },
    steps: WriteSteps,
  ): Promise<Order & { access_token: string }> {
    const cart = await priceCart(trx, cartId, { lock: true, forCheckout: true });
    if (cart.totals.total !== authorization.amount || cart.currency !== authorization.currency) {
      throw new AppError(
        'cart_changed',
        `The cart changed while its payment was being authorized (${authorization.amount} ${authorization.currency} authorized, ${cart.totals.total} ${cart.currency} now); the authorization was released. Review the cart and check out again.`,
      );
    }
    const accessToken = `ot_${randomBytes(24).toString('base64url')}`;
    const rates = new Map(cart.sellers.map((s) => [s.sellerId, s.commissionBps]));
    const rows = placedOrderRows({
      orderId,
      cart,
      rates,
      accessTokenHash: hashKey(accessToken),
      provider: payments.name,
      providerRef: authorization.providerRef,
    });
    const placed = rows.sellerOrders.map((so) => ({
      orderId,
      sellerOrderId: so.id,
      sellerId: so.seller_id,
      currency: cart.currency,
      total: so.total,
      commission: so.commission_amount,
    }));
    const events = outboxColumns([
      orderEvent('order.placed', orderId, null, {
        order_id: orderId,
        currency: cart.currency,
        total: cart.totals.total,
        seller_order_ids: placed.map((p) => p.sellerOrderId),
      }),
      ...placed.map(({ sellerId, ...money }) =>
        orderEvent('seller_order.placed', orderId, sellerId, {
          order_id: orderId,
          seller_order_id: money.sellerOrderId,
          seller_id: sellerId,
          currency: money.currency,
          total: money.total,
          commission: money.commission,
        }),
      ),
    ]);
    // The order, its events, its ledger posting and the cart's completion: one statement.
    const written = await placeOrder(trx, { rows, events, posting: ledgerBook.ordersPlaced(placed) });
    // Never false under the cart's lock, which priced an active cart; answered as a completed cart would be.
    if (!written.cartCompleted) throw cartAlreadyCheckedOut();
    // Stock is taken last, after the response is stored: the row lock on a contended variant is
    // then held for this one statement (which also records its inventory.updated events) and the
    // commit, not through payment and all the writes above.
    steps.lastly(async () => {
      const { short } = await takeStock(
        trx,
        cart.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity, sellerId: l.sellerId })),
      );
      if (short.length > 0) {
        const what = short
          .map((s) => `${s.variantId} (asked ${s.requested}, ${s.available} left)`)
          .join(', ');
        throw new AppError('out_of_stock', `Not enough stock for ${what}.`);
      }
    });
    if (cartChanged) steps.onCommit(() => cartChanged(cart.cartId));
    // The token is in the stored (sealed) response: a retry of the same checkout gets it again.
    return { ...placedOrderView(rows, cart, written), access_token: accessToken };
  }
}

export type CheckoutService = ReturnType<typeof createCheckoutService>;
