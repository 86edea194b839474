import type { Database, DomainEvent, EventData } from '@souk/api/plugin-host';
import { definePlugin, type SoukEvent } from '@souk/plugin-kit';
import { type InventoryAlertsConfig, inventoryAlertsConfig } from './config.js';

/** The payload of `inventory.updated`, generated from the spec. */
type InventoryUpdated = EventData<'inventory.updated'>;

/** True when this change took the stock from at or above `threshold` to below it. */
export function crossedBelow(data: InventoryUpdated, threshold: number): boolean {
  return data.previous_quantity >= threshold && data.inventory_quantity < threshold;
}

/**
 * The inventory-alerts plugin: when an `inventory.updated` takes a variant's stock below
 * INVENTORY_LOW_THRESHOLD it emits `inventory.low` (once per crossing; a restock above the
 * threshold arms it again). The seller hears about it through its webhook endpoints like any event.
 * Emitting goes to the outbox in the processing transaction, so a redelivery never emits twice.
 */
export default definePlugin<Database, InventoryAlertsConfig>({
  name: 'inventory-alerts',
  version: '1.0.0',
  config: inventoryAlertsConfig,
  subscribe: [
    {
      event: 'inventory.updated',
      handle: async (event: SoukEvent, { emit, config }) => {
        const data = event.data as unknown as InventoryUpdated;
        const threshold = config.INVENTORY_LOW_THRESHOLD;
        if (!crossedBelow(data, threshold)) return;
        const low: DomainEvent<'inventory.low'> = {
          type: 'inventory.low',
          aggregateType: 'variant',
          aggregateId: data.variant_id,
          sellerId: event.seller_id,
          data: {
            variant_id: data.variant_id,
            product_id: data.product_id,
            sku: data.sku,
            inventory_quantity: data.inventory_quantity,
            threshold,
            caused_by_event_id: event.id,
          },
        };
        await emit(low);
      },
    },
  ],
});
