import type { ColumnType, JSONColumnType } from 'kysely';
import type { components } from '../../generated/openapi.js';

/** The buyer's destination, stored as the spec's `ShippingAddress` with every optional field present. */
type ShippingAddress = components['schemas']['ShippingAddress'];

/** A timestamp the database sets; reads as a Date. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export type CartStatus = 'active' | 'completed';

export interface CartsTable {
  /** `cart_` + 22 base62 characters: a capability, not a ULID. */
  id: string;
  currency: string;
  email: string | null;
  shipping_address: JSONColumnType<ShippingAddress | null, string | null, string | null>;
  status: ColumnType<CartStatus, CartStatus | undefined, CartStatus>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  completed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** The signed-in customer the cart belongs to; null for a guest cart. */
  customer_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CartItemsTable {
  id: string;
  cart_id: string;
  variant_id: string;
  quantity: number;
  created_at: CreatedAt;
}

/** A seller's flat shipping rate in one currency. */
export interface ShippingRatesTable {
  seller_id: string;
  currency: string;
  /** Integer minor units. */
  amount: number;
}

/** The tax rate of a destination country. */
export interface TaxRatesTable {
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  /** Basis points: 1900 is 19 %. */
  rate_bps: number;
  name: string;
}

/** The carts module's tables, merged into the database schema type. */
export interface CartsTables {
  carts: CartsTable;
  cart_items: CartItemsTable;
  shipping_rates: ShippingRatesTable;
  tax_rates: TaxRatesTable;
}
