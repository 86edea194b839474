import type { DomainEvent, EventData, EventType } from '../events/index.js';

/** The event types whose payload names a product. */
type ProductEventType = {
  [K in EventType]: EventData<K> extends { product_id: string } ? K : never;
}[EventType];
/** The event types whose payload names a variant, its product and its SKU. */
type VariantEventType = {
  [K in EventType]: EventData<K> extends { variant_id: string; product_id: string; sku: string } ? K : never;
}[EventType];

/**
 * An event about a product of a seller. The seller id is on the envelope (`seller_id` of every
 * webhook), not repeated in `data`, as in the spec's `inventory.updated` schema.
 */
export function productEvent<T extends ProductEventType>(
  type: T,
  sellerId: string,
  productId: string,
  data: Omit<EventData<T>, 'product_id'>,
): DomainEvent<T> {
  // The spread is the payload minus the id added back; TypeScript cannot see that through Omit.
  const payload = { product_id: productId, ...data } as EventData<T>;
  return {
    type,
    aggregateType: 'product',
    aggregateId: productId,
    sellerId,
    data: payload,
  } as DomainEvent<T>;
}

/** An event about one variant (stock changes are `inventoryUpdated` of the catalog module). */
export function variantEvent<T extends VariantEventType>(
  type: T,
  sellerId: string,
  variant: { id: string; product_id: string; sku: string },
  data: Omit<EventData<T>, 'variant_id' | 'product_id' | 'sku'>,
): DomainEvent<T> {
  const payload = {
    variant_id: variant.id,
    product_id: variant.product_id,
    sku: variant.sku,
    ...data,
  } as EventData<T>;
  return {
    type,
    aggregateType: 'variant',
    aggregateId: variant.id,
    sellerId,
    data: payload,
  } as DomainEvent<T>;
}
