import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import type { components } from '../../generated/openapi.js';
import { newId } from '../../lib/ids.js';
import { inventoryUpdated, returnStock } from '../catalog/index.js';
import { type DomainEvent, recordEvents } from '../events/index.js';
import { ledgerBook } from '../ledger/index.js';
import type { PaymentProvider } from '../payments/index.js';
import { orderEvent, sellerOrderEventData } from './orders.events.js';
import * as repo from './orders.repository.js';
import { linesToShip } from './orders.validation.js';
import { type SellerOrder, STAFF_VIEW, toSellerOrders } from './orders.views.js';

type FulfillmentCreate = components['schemas']['FulfillmentCreate'];

/** One seller order of this seller as its view (read with `trx`, so inside a write it sees the write). */
export async function sellerOrderView(
  trx: Kysely<Database>,
  sellerId: string,
  id: string,
): Promise<SellerOrder> {
  const row = await repo.findSellerOrder(trx, sellerId, id);
  if (!row) throw new AppError('not_found', `No seller order of yours has the id '${id}'.`);
  const [view] = toSellerOrders([row], await repo.loadSellerOrderParts(trx, [id]), STAFF_VIEW);
  return view as SellerOrder;
}

async function lockOwn(trx: Kysely<Database>, sellerId: string, id: string) {
  const row = await repo.findSellerOrder(trx, sellerId, id, { forUpdate: true });
  if (!row) throw new AppError('not_found', `No seller order of yours has the id '${id}'.`);
  return row;
}

/** The amounts the ledger books for a seller order. */
const money = (so: repo.SellerOrderRow) => ({
  orderId: so.order_id,
  sellerOrderId: so.id,
  sellerId: so.seller_id,
  currency: so.currency,
  total: so.total,
  commission: so.commission_amount,
});

/**
 * What a seller does with its part of an order, each in the caller's transaction: ship lines
 * (capturing the payment part once all shipped) or cancel before anything shipped (voiding it).
 */
export function createSellerOrderActions({ payments }: { payments: PaymentProvider }) {
  return {
    /**
     * Ships lines (all remaining by default). Shipping the last of them fulfils the seller order and
     * captures its part of the payment, making the seller's share available and the commission earned.
     */
    async fulfil(
      sellerId: string,
      id: string,
      input: FulfillmentCreate,
      trx: Kysely<Database>,
    ): Promise<SellerOrder> {
      const so = await lockOwn(trx, sellerId, id);
      if (so.status === 'cancelled' || so.status === 'fulfilled') {
        throw new AppError('invalid_state', `A ${so.status} seller order cannot be fulfilled.`);
      }
      const { lines } = await repo.loadSellerOrderParts(trx, [id]);
      const shipped = linesToShip(lines, input.lines);
      for (const [lineId, quantity] of shipped) await repo.addFulfilled(trx, lineId, quantity);
      const fulfillmentId = newId('ful');
      const fulfilledLines = [...shipped].map(([line_id, quantity]) => ({ line_id, quantity }));
      await repo.insertFulfillment(trx, {
        id: fulfillmentId,
        seller_order_id: id,
        carrier: input.carrier,
        tracking_number: input.tracking_number,
        lines: JSON.stringify(fulfilledLines),
      });
      const complete = lines.every((l) => l.quantity === l.fulfilled_quantity + (shipped.get(l.id) ?? 0));
      const events: DomainEvent[] = [
        orderEvent('fulfillment.created', so.order_id, sellerId, {
          fulfillment_id: fulfillmentId,
          seller_order_id: id,
          order_id: so.order_id,
          carrier: input.carrier,
          tracking_number: input.tracking_number,
          lines: fulfilledLines,
        }),
      ];
      if (complete) {
        const payment = await repo.findPayment(trx, so.order_id);
        await payments.capture({
          providerRef: payment.provider_ref,
          amount: so.total,
          currency: so.currency,
        });
        await repo.addToPayment(trx, payment.id, { captured: so.total });
        await repo.updateSellerOrder(trx, id, { status: 'fulfilled', payment_status: 'captured' });
        await ledgerBook.captured(trx, money(so));
        const data = sellerOrderEventData(so);
        events.push(
          orderEvent('seller_order.fulfilled', so.order_id, sellerId, { ...data, lines: fulfilledLines }),
          orderEvent('payment.captured', so.order_id, sellerId, { ...data, lines: fulfilledLines }),
        );
      } else {
        await repo.updateSellerOrder(trx, id, { status: 'partially_fulfilled' });
      }
      await repo.refreshOrderStatus(trx, so.order_id);
      await recordEvents(trx, events);
      return sellerOrderView(trx, sellerId, id);
    },

    /** Cancels a seller order before anything shipped: restock, void its payment part, reverse its ledger entries. */
    async cancel(sellerId: string, id: string, trx: Kysely<Database>): Promise<SellerOrder> {
      const so = await lockOwn(trx, sellerId, id);
      if (so.status !== 'open') {
        throw new AppError(
          'invalid_state',
          `A ${so.status.replace('_', ' ')} seller order cannot be cancelled: only one with nothing shipped.`,
        );
      }
      const { lines } = await repo.loadSellerOrderParts(trx, [id]);
      const restock = lines.flatMap((l) =>
        l.variant_id ? [{ variantId: l.variant_id, quantity: l.quantity }] : [],
      );
      const restocked = await returnStock(trx, restock);
      const payment = await repo.findPayment(trx, so.order_id);
      await payments.void({ providerRef: payment.provider_ref, amount: so.total, currency: so.currency });
      await repo.addToPayment(trx, payment.id, { voided: so.total });
      await repo.updateSellerOrder(trx, id, { status: 'cancelled', payment_status: 'voided' });
      await ledgerBook.cancelled(trx, money(so));
      const orderStatus = await repo.refreshOrderStatus(trx, so.order_id);
      await recordEvents(trx, [
        orderEvent('seller_order.cancelled', so.order_id, sellerId, sellerOrderEventData(so)),
        ...restocked.map((change) => inventoryUpdated(change, sellerId)),
        ...(orderStatus === 'cancelled'
          ? [orderEvent('order.cancelled', so.order_id, null, { order_id: so.order_id })]
          : []),
      ]);
      return sellerOrderView(trx, sellerId, id);
    },
  };
}
