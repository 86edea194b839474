import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { newestFirstPage } from '../../lib/cursor.js';
import { hashKey } from '../auth/index.js';
import type { PaymentProvider } from '../payments/index.js';
import * as repo from './orders.repository.js';
import type { SellerOrderStatus } from './orders.table.js';
import { type Order, SHOPPER_VIEW, STAFF_VIEW, toOrders, toSellerOrders } from './orders.views.js';
import { createSellerOrderActions, sellerOrderView } from './seller-orders.service.js';

/**
 * Orders after checkout: buyers read theirs, the operator lists all, sellers read theirs and ship or
 * cancel their part (`seller-orders.service.ts`).
 */
export function createOrdersService({ db, payments }: { db: Kysely<Database>; payments: PaymentProvider }) {
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

    ...createSellerOrderActions({ payments }),
  };
}

export type OrdersService = ReturnType<typeof createOrdersService>;
