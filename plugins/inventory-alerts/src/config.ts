import { z } from 'zod';

/** The inventory-alerts plugin's own variables (documented in plugins/README.md). */
export const inventoryAlertsConfig = z.object({
  /** Stock below which `inventory.low` is emitted. */
  INVENTORY_LOW_THRESHOLD: z.coerce.number().int().min(1).max(1_000_000).default(5),
});

/** The inventory-alerts plugin's configuration. */
export type InventoryAlertsConfig = z.infer<typeof inventoryAlertsConfig>;
