import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError, type FieldError } from '../../errors.js';
import type { components } from '../../generated/openapi.js';
import { newestFirstPage } from '../../lib/cursor.js';
import { newId } from '../../lib/ids.js';
import { hashKey } from '../auth/index.js';
import { inventoryUpdated, returnStock } from '../catalog/index.js';
import { type DomainEvent, recordEvents } from '../events/index.js';
import { ledgerBook } from '../ledger/index.js';
import type { PaymentProvider } from '../payments/index.js';
import { orderEvent, sellerOrderEventData } from './orders.events.js';
import * as repo from './orders.repository.js';
import type { SellerOrderStatus } from './orders.table.js';
import { type Order, type SellerOrder, toOrders, toSellerOrders } from './orders.views.js';

type FulfillmentCreate = components['schemas']['FulfillmentCreate'];

/** Orders after checkout: buyers read theirs, sellers ship or cancel their part, the operator lists all. */
/** The seller's and the operator's views name who cancelled and who shipped; the shopper's do not. */
const STAFF_VIEW = { attribution: true };
const SHOPPER_VIEW = { attribution: false };

export function createOrdersService({ db, payments }: { db: Kysely<Database>; payments: PaymentProvider }) {
  const sellerOrderView = async (trx: Kysely<Database>, sellerId: string, id: string) => {
    const row = await repo.findSellerOrder(trx, sellerId, id);
    if (!row) throw new AppError('not_found', `No seller order of yours has the id '${id}'.`);
    const [view] = toSellerOrders([row], await repo.loadSellerOrderParts(trx, [id]), STAFF_VIEW);
    return view as SellerOrder;
  };
  const lockOwn = async (trx: Kysely<Database>, sellerId: string, id: string) => {
    const row = await repo.findSellerOrder(trx, sellerId, id, { forUpdate: true });
    if (!row) throw new AppError('not_found', `No seller order of yours has the id '${id}'.`);
    return row;
  };
  const money = (so: repo.SellerOrderRow) => ({
    orderId: so.order_id,
    sellerOrderId: so.id,
    sellerId: so.seller_id,
    currency: so.currency,
    total: so.total,
    commission: so.commission_amount,
  });

  return {
    /** The buyer's order; a wrong token is the same 404 as an unknown order. */
    async getForBuyer(orderId: string, token: string): Promise<Order> {
      const row = await repo.findOrderTokenHash(db, orderId);
      if (!row || row.access_token_hash !== hashKey(token))
        throw new AppError('not_found', `No order '${orderId}' with this token.`);
      const [order] = toOrders([orderId], await repo.loadOrders(db, [orderId]), SHOPPER_VIEW);
      if (!order) throw new AppError('not_found', `No order '${orderId}' with this token.`);
      return order;
    },

    /** The customer's orders across all sellers, newest first (keyset pages). */
    async listForCustomer(customerId: string, input: { limit?: number; cursor?: string }) {
      const page = await newestFirstPage(input, ['customer-orders', customerId], (after, limit) =>
        repo.listOrderIds(db, { ...(after ? { after } : {}), limit, customerId }),
      );
      const ids = page.rows.map((r) => r.id);
      return {
        data: toOrders(ids, await repo.loadOrders(db, ids), SHOPPER_VIEW),
        next_cursor: page.next_cursor,
      };
    },

    /** One of the customer's orders, no access token needed; another account's order is 404. */
    async getForCustomer(customerId: string, orderId: string): Promise<Order> {
      const [order] = (await repo.isCustomersOrder(db, orderId, customerId))
        ? toOrders([orderId], await repo.loadOrders(db, [orderId]), SHOPPER_VIEW)
        : [];
      if (!order) throw new AppError('not_found', `You have no order '${orderId}'.`);
      return order;
    },

    async listAll(input: { limit?: number; cursor?: string }) {
      const page = await newestFirstPage(input, ['admin-orders'], (after, limit) =>
        repo.listOrderIds(db, { ...(after ? { after } : {}), limit }),
      );
      const ids = page.rows.map((r) => r.id);
      return {
        data: toOrders(ids, await repo.loadOrders(db, ids), STAFF_VIEW),
        next_cursor: page.next_cursor,
      };
    },

    async listForSeller(
      sellerId: string,
      input: { status?: SellerOrderStatus; limit?: number; cursor?: string },
    ) {
      const page = await newestFirstPage(input, ['seller-orders', input.status], (after, limit) =>
        repo.listSellerOrders(db, sellerId, {
          ...(input.status ? { status: input.status } : {}),
          ...(after ? { after } : {}),
          limit,
        }),
      );
      const parts = await repo.loadSellerOrderParts(
        db,
        page.rows.map((r) => r.id),
      );
      return { data: toSellerOrders(page.rows, parts, STAFF_VIEW), next_cursor: page.next_cursor };
    },

    getForSeller: (sellerId: string, id: string) => sellerOrderView(db, sellerId, id),

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
      const shipped = new Map<string, number>();
      const errors: FieldError[] = [];
      if (input.lines) {
        for (const [i, want] of input.lines.entries()) {
          const line = lines.find((l) => l.id === want.line_id);
          const remaining = line ? line.quantity - line.fulfilled_quantity - (shipped.get(line.id) ?? 0) : 0;
          if (!line)
            errors.push({
              in: 'body',
              field: `/lines/${i}/line_id`,
              message: 'is not a line of this seller order',
            });
          else if (want.quantity > remaining)
            errors.push({
              in: 'body',
              field: `/lines/${i}/quantity`,
              message: `must be at most ${remaining}`,
            });
          else shipped.set(line.id, (shipped.get(line.id) ?? 0) + want.quantity);
        }
      } else {
        for (const l of lines)
          if (l.quantity > l.fulfilled_quantity) shipped.set(l.id, l.quantity - l.fulfilled_quantity);
      }
      if (errors.length > 0)
        throw new AppError('validation_failed', 'Some lines cannot be shipped as asked.', { errors });
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

export type OrdersService = ReturnType<typeof createOrdersService>;
