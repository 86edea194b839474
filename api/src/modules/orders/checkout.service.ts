import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError, type ErrorCode } from '../../errors.js';
import type { WriteSteps } from '../../http/idempotency.js';
import { newId } from '../../lib/ids.js';
import { hashKey } from '../auth/index.js';
import { markCartCompleted, priceCart } from '../carts/index.js';
import { inventoryUpdated, takeStock } from '../catalog/index.js';
import { type DomainEvent, recordEvents } from '../events/index.js';
import { ledgerBook } from '../ledger/index.js';
import type { PaymentProvider } from '../payments/index.js';
import { commissionRates } from '../sellers/index.js';
import { applyBps } from './money.js';
import { orderEvent } from './orders.events.js';
import { insertOrder, loadOrders } from './orders.repository.js';
import { type Order, SHOPPER_VIEW, toOrders } from './orders.views.js';

const DECLINES: Record<string, ErrorCode> = {
  declined: 'payment_declined',
  insufficient_funds: 'payment_insufficient_funds',
  requires_review: 'payment_requires_review',
};

export interface CheckoutDeps {
  payments: PaymentProvider;
  /** Called once a checkout committed, with the cart it closed (live cart views show it completed). */
  cartChanged?: (cartId: string) => Promise<void>;
}

/** Turns a cart into an order, in the transaction it is given (the checkout handler runs it once per Idempotency-Key). */
export function createCheckoutService({ payments, cartChanged }: CheckoutDeps) {
  return {
    /**
     * One transaction: re-price the cart (locked), authorize the payment, write the order, its seller
     * orders and lines, book the ledger, take stock atomically, record events, close the cart. Any
     * failure (a decline, out of stock) rolls all of it back; an authorization already made is voided.
     */
    async checkout(
      trx: Kysely<Database>,
      input: { cartId: string; paymentMethod: string },
      steps: WriteSteps,
    ): Promise<Order & { access_token: string }> {
      const cart = await priceCart(trx, input.cartId, { lock: true, forCheckout: true });
      const orderId = newId('ord');
      const auth = await payments.authorize({
        amount: cart.totals.total,
        currency: cart.currency,
        paymentMethod: input.paymentMethod,
        reference: orderId,
      });
      if (auth.status !== 'authorized')
        throw new AppError(DECLINES[auth.status] ?? 'payment_declined', auth.message);
      // If the order does not commit, release the money held for it.
      const authorization = {
        providerRef: auth.providerRef,
        amount: cart.totals.total,
        currency: cart.currency,
      };
      steps.onAbort(() => payments.void(authorization));

      const accessToken = `ot_${randomBytes(24).toString('base64url')}`;
      const rates = await commissionRates(
        trx,
        cart.sellers.map((s) => s.sellerId),
      );
      const sellerOrders = cart.sellers.map((group) => {
        const bps = rates.get(group.sellerId) ?? 0;
        return { group, id: newId('so'), bps, commission: applyBps(group.subtotal, bps) };
      });
      await insertOrder(trx, {
        order: {
          id: orderId,
          cart_id: cart.cartId,
          currency: cart.currency,
          email: cart.email,
          shipping_address: JSON.stringify(cart.shippingAddress),
          status: 'placed',
          ...cart.totals,
          access_token_hash: hashKey(accessToken),
          // A cart attached to a signed-in customer makes the order theirs.
          customer_id: cart.customerId,
        },
        payment: {
          id: newId('pay'),
          order_id: orderId,
          provider: payments.name,
          provider_ref: auth.providerRef,
          currency: cart.currency,
          authorized_amount: cart.totals.total,
        },
        sellerOrders: sellerOrders.map(({ group, id, bps, commission }) => ({
          id,
          order_id: orderId,
          seller_id: group.sellerId,
          status: 'open',
          payment_status: 'authorized',
          currency: cart.currency,
          subtotal: group.subtotal,
          shipping: group.shipping,
          tax: group.tax,
          total: group.total,
          commission_bps: bps,
          commission_amount: commission,
        })),
        lines: sellerOrders.flatMap(({ group, id }) =>
          group.lines.map((l, position) => ({
            id: newId('line'),
            seller_order_id: id,
            variant_id: l.variantId,
            product_id: l.productId,
            sku: l.sku,
            product_title: l.productTitle,
            variant_title: l.variantTitle,
            unit_price: l.unitPrice,
            quantity: l.quantity,
            subtotal: l.subtotal,
            position,
          })),
        ),
      });
      for (const { group, id, commission } of sellerOrders) {
        await ledgerBook.orderPlaced(trx, {
          orderId,
          sellerOrderId: id,
          sellerId: group.sellerId,
          currency: cart.currency,
          total: group.total,
          commission,
        });
      }
      const [order] = toOrders([orderId], await loadOrders(trx, [orderId]), SHOPPER_VIEW);
      if (!order) throw new Error(`order ${orderId} vanished inside its own transaction`);
      // Stock is taken last: the row locks on contended variants are then held only until the
      // commit a few statements later, not through payment and all the writes above.
      const { taken, short } = await takeStock(
        trx,
        cart.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
      );
      if (short.length > 0) {
        const what = short
          .map((s) => `${s.variantId} (asked ${s.requested}, ${s.available} left)`)
          .join(', ');
        throw new AppError('out_of_stock', `Not enough stock for ${what}.`);
      }
      const events: DomainEvent[] = [
        orderEvent('order.placed', orderId, null, {
          order_id: orderId,
          currency: cart.currency,
          total: cart.totals.total,
          seller_order_ids: sellerOrders.map((s) => s.id),
        }),
        ...sellerOrders.map(({ group, id, commission }) =>
          orderEvent('seller_order.placed', orderId, group.sellerId, {
            order_id: orderId,
            seller_order_id: id,
            seller_id: group.sellerId,
            currency: cart.currency,
            total: group.total,
            commission,
          }),
        ),
        ...taken.map((change) =>
          inventoryUpdated(
            change,
            cart.lines.find((l) => l.variantId === change.variantId)?.sellerId ?? null,
          ),
        ),
      ];
      await recordEvents(trx, events);
      await markCartCompleted(trx, cart.cartId);
      if (cartChanged) steps.onCommit(() => cartChanged(cart.cartId));
      // The token is in the stored (sealed) response: a retry of the same checkout gets it again.
      return { ...order, access_token: accessToken };
    },
  };
}

export type CheckoutService = ReturnType<typeof createCheckoutService>;
