import { AppError, type FieldError } from '../../errors.js';
import type { components } from '../../generated/openapi.js';
import { applyStock, inventoryUpdated } from '../catalog/index.js';
import { recordEvents } from '../events/index.js';
import type { Db } from './seller-catalog.repository.js';
import { throwIfAny } from './seller-catalog.validation.js';
import { lockSellerVariants } from './seller-variants.repository.js';

type Item = components['schemas']['InventoryUpdate']['items'][number];
type Result = components['schemas']['InventoryUpdateResult'];

/** The most stock a variant may hold (the spec's bound on `quantity`). */
const MAX_STOCK = 1_000_000_000;

/**
 * Applies a batch of stock changes to the seller's variants, all or nothing. The variants are
 * locked first (in id order), so the checks below see the stock the update will change, and
 * concurrent checkouts wait for this transaction instead of being overwritten by it.
 */
export async function updateInventory(trx: Db, sellerId: string, items: readonly Item[]): Promise<Result> {
  const ids = [...new Set(items.flatMap((i) => (i.variant_id === undefined ? [] : [i.variant_id])))];
  const skus = [...new Set(items.flatMap((i) => (i.sku === undefined ? [] : [i.sku])))];
  const rows = await lockSellerVariants(trx, sellerId, ids, skus);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const bySku = new Map(rows.map((r) => [r.sku, r]));

  // Another seller's variant is reported exactly like one that does not exist.
  const unknown: FieldError[] = [];
  const labels: string[] = [];
  const resolved = items.map((item, i) => {
    const row = item.variant_id !== undefined ? byId.get(item.variant_id) : bySku.get(item.sku ?? '');
    if (!row) {
      const byVariantId = item.variant_id !== undefined;
      labels.push(byVariantId ? `id '${item.variant_id}'` : `SKU '${item.sku}'`);
      unknown.push({
        in: 'body',
        field: `/items/${i}/${byVariantId ? 'variant_id' : 'sku'}`,
        message: 'none of your variants has it',
      });
    }
    return row;
  });
  if (unknown.length > 0) {
    throw new AppError('not_found', `None of your variants has the ${labels.join(', ')}.`, {
      errors: unknown,
    });
  }

  const firstIndex = new Map<string, number>();
  const duplicates: FieldError[] = [];
  const tooMuch: FieldError[] = [];
  const shortages: FieldError[] = [];
  const changes = resolved.flatMap((row, i) => {
    const item = items[i];
    if (!row || !item) return [];
    const first = firstIndex.get(row.id);
    if (first !== undefined) {
      duplicates.push({
        in: 'body',
        field: `/items/${i}`,
        message: `names the same variant as /items/${first}`,
      });
      return [];
    }
    firstIndex.set(row.id, i);
    const next = item.quantity ?? row.inventory_quantity + (item.adjust ?? 0);
    if (next < 0) {
      shortages.push({
        in: 'body',
        field: `/items/${i}/adjust`,
        message: `would take the stock of '${row.sku}' from ${row.inventory_quantity} to ${next}`,
      });
    } else if (next > MAX_STOCK) {
      tooMuch.push({
        in: 'body',
        field: `/items/${i}/adjust`,
        message: `would raise the stock above ${MAX_STOCK}`,
      });
    }
    return [
      {
        row,
        next,
        quantity: item.quantity ?? null,
        adjust: item.quantity === undefined ? (item.adjust ?? 0) : null,
      },
    ];
  });
  throwIfAny([...duplicates, ...tooMuch]);
  if (shortages.length > 0) {
    const detail = shortages.map((e) => `${e.field} ${e.message}`).join('; ');
    throw new AppError('out_of_stock', `Not enough stock: ${detail}.`, { errors: shortages });
  }

  const changed = changes.filter((c) => c.next !== c.row.inventory_quantity);
  const written = new Map(
    (
      await applyStock(
        trx,
        changed.map((c) => ({ id: c.row.id, quantity: c.quantity, adjust: c.adjust })),
      )
    ).map((r) => [r.id, r.inventory_quantity]),
  );
  const missed = changed.find((c) => !written.has(c.row.id));
  if (missed) {
    // Unreachable while the rows are locked; kept so a change in locking can never drive stock negative.
    throw new AppError('out_of_stock', `Not enough stock of '${missed.row.sku}'.`);
  }
  await recordEvents(
    trx,
    changed.map((c) =>
      inventoryUpdated(
        {
          variantId: c.row.id,
          productId: c.row.product_id,
          sku: c.row.sku,
          inventoryQuantity: written.get(c.row.id) ?? c.next,
          previousQuantity: c.row.inventory_quantity,
        },
        sellerId,
      ),
    ),
  );
  return {
    data: changes.map((c) => ({
      variant_id: c.row.id,
      sku: c.row.sku,
      inventory_quantity: written.get(c.row.id) ?? c.row.inventory_quantity,
    })),
  };
}
