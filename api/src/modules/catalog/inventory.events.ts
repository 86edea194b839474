import type { DomainEvent } from '../events/index.js';
import type { StockChange } from './inventory.repository.js';

/** The `inventory.updated` event of a stock change, as every writer of stock records it. */
export function inventoryUpdated(
  change: StockChange,
  sellerId: string | null,
): DomainEvent<'inventory.updated'> {
  return {
    type: 'inventory.updated',
    aggregateType: 'variant',
    aggregateId: change.variantId,
    sellerId,
    data: {
      variant_id: change.variantId,
      product_id: change.productId,
      sku: change.sku,
      inventory_quantity: change.inventoryQuantity,
      previous_quantity: change.previousQuantity,
    },
  };
}
