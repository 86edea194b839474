import type { DomainEvent, EventData, EventType } from '../events/index.js';
import type { SellerOrderRow } from './orders.repository.js';

/** The event types whose aggregate is an order (placing, fulfilling, paying, cancelling it). */
export type OrderEventType = Extract<
  EventType,
  | 'order.placed'
  | 'order.cancelled'
  | 'seller_order.placed'
  | 'seller_order.fulfilled'
  | 'seller_order.cancelled'
  | 'fulfillment.created'
  | 'payment.captured'
>;

/**
 * An event of an order, its payload checked against the spec's schema for `type`. `sellerId` is set
 * for what concerns one seller's part (the envelope's `seller_id`) and null for the whole order.
 */
export function orderEvent<T extends OrderEventType>(
  type: T,
  orderId: string,
  sellerId: string | null,
  data: EventData<T>,
): DomainEvent<T> {
  // One object of the union member for T; TypeScript does not narrow a mapped union by a generic key.
  return { type, aggregateType: 'order', aggregateId: orderId, sellerId, data } as DomainEvent<T>;
}

/** The money part of every seller-order event payload. */
export function sellerOrderEventData(so: SellerOrderRow) {
  return {
    seller_order_id: so.id,
    order_id: so.order_id,
    seller_id: so.seller_id,
    currency: so.currency,
    total: so.total,
    commission: so.commission_amount,
  };
}
