import type { ColumnType, JSONColumnType } from 'kysely';
import type { components } from '../../generated/openapi.js';
import type { ActorColumn } from '../../lib/actor.js';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export type OrderStatus = 'placed' | 'partially_fulfilled' | 'fulfilled' | 'cancelled';
export type SellerOrderStatus = 'open' | 'partially_fulfilled' | 'fulfilled' | 'cancelled';

export interface OrdersTable {
  id: string;
  cart_id: string;
  currency: string;
  email: string;
  shipping_address: JSONColumnType<components['schemas']['ShippingAddress']>;
  status: OrderStatus;
  subtotal: number;
  shipping: number;
  tax: number;
  total: number;
  access_token_hash: string;
  /** The customer account the order belongs to; null for a guest order not claimed (yet). */
  customer_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface SellerOrdersTable {
  id: string;
  order_id: string;
  seller_id: string;
  status: SellerOrderStatus;
  payment_status: 'authorized' | 'captured' | 'voided';
  currency: string;
  subtotal: number;
  shipping: number;
  tax: number;
  total: number;
  commission_bps: number;
  commission_amount: number;
  /** Who cancelled it (attribution), once cancelled. */
  cancelled_by: ActorColumn;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface OrderLinesTable {
  id: string;
  seller_order_id: string;
  variant_id: string | null;
  product_id: string | null;
  sku: string;
  product_title: string;
  variant_title: string;
  unit_price: number;
  quantity: number;
  subtotal: number;
  fulfilled_quantity: ColumnType<number, number | undefined, number>;
  position: number;
}

export interface FulfillmentsTable {
  id: string;
  seller_order_id: string;
  carrier: string;
  tracking_number: string;
  lines: JSONColumnType<{ line_id: string; quantity: number }[]>;
  /** Who recorded the shipment (attribution). */
  created_by: ActorColumn;
  created_at: CreatedAt;
}

export interface OrdersTables {
  orders: OrdersTable;
  seller_orders: SellerOrdersTable;
  order_lines: OrderLinesTable;
  fulfillments: FulfillmentsTable;
}
