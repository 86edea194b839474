import { AppError, type FieldError } from '../../errors.js';
import type { components } from '../../generated/openapi.js';
import { newId } from '../../lib/ids.js';
import { applyStock, inventoryUpdated, refreshPriceRanges } from '../catalog/index.js';
import { type DomainEvent, type EventData, recordEvents } from '../events/index.js';
import { assertSkusFree, lockOwnedProduct, readSellerProduct } from './product-access.service.js';
import { variantEvent } from './seller-catalog.events.js';
import type { Db } from './seller-catalog.repository.js';
import { findOptions, type PriceRow, updateProduct } from './seller-catalog.repository.js';
import {
  checkPrices,
  checkVariantOptions,
  combinationKey,
  defaultVariantTitle,
  type OptionSpec,
  sameJson,
  throwIfAny,
} from './seller-catalog.validation.js';
import type { SellerProduct } from './seller-catalog.views.js';
import * as repo from './seller-variants.repository.js';

type Schemas = components['schemas'];
type VariantRows = Awaited<ReturnType<typeof repo.findVariants>>;

/** Everything a variant write checks against: the locked product, its options and its variants. */
async function loadForVariantWrite(trx: Db, sellerId: string, productId: string) {
  const product = await lockOwnedProduct(trx, sellerId, productId);
  const [options, variants] = [await findOptions(trx, productId), await repo.findVariants(trx, productId)];
  return { product, options, variants };
}

function variantNotFound(productId: string, variantId: string): AppError {
  return new AppError(
    'not_found',
    `You have no variant with the id '${variantId}' on product '${productId}'.`,
  );
}

/** 409 when another variant of the product already has this option combination. */
function assertCombinationFree(
  given: Record<string, string>,
  options: readonly OptionSpec[],
  others: VariantRows,
): void {
  const key = combinationKey(given, options);
  const twin = others.find((v) => combinationKey(v.options, options) === key);
  if (twin) {
    throw new AppError(
      'conflict',
      `The variant '${twin.sku}' already has these options (${JSON.stringify(given)}).`,
    );
  }
}

/** Adds a variant to a product of the seller; returns the product. */
export async function createVariant(
  trx: Db,
  sellerId: string,
  productId: string,
  input: Schemas['SellerVariantCreate'],
): Promise<SellerProduct> {
  const { options, variants } = await loadForVariantWrite(trx, sellerId, productId);
  const given = input.options ?? {};
  const prices = input.prices ?? [];
  throwIfAny([...checkVariantOptions(given, options, ''), ...checkPrices(prices, '')]);
  await assertSkusFree(trx, [input.sku]);
  assertCombinationFree(given, options, variants);
  const variant = {
    id: newId('var'),
    product_id: productId,
    sku: input.sku,
    title: input.title ?? defaultVariantTitle(given, options),
    options: given,
    inventory_quantity: input.inventory_quantity ?? 0,
    position: await repo.nextVariantPosition(trx, productId),
    prices,
  };
  await repo.insertVariants(trx, [variant]);
  await refreshPriceRanges(trx, [productId]);
  await updateProduct(trx, productId, {});
  await recordEvents(trx, [
    variantEvent('variant.created', sellerId, variant, {
      title: variant.title,
      options: variant.options,
      prices: sortPrices(prices),
      inventory_quantity: variant.inventory_quantity,
    }),
  ]);
  return readSellerProduct(trx, sellerId, productId);
}

/**
 * Changes the given fields of a variant; `prices` replaces them all. A published product keeps at
 * least one priced variant. Stock changes are recorded as `inventory.updated`, the rest as
 * `variant.updated`; nothing that stays the same is written or announced.
 */
export async function updateVariant(
  trx: Db,
  sellerId: string,
  productId: string,
  variantId: string,
  input: Schemas['SellerVariantUpdate'],
): Promise<SellerProduct> {
  const { product, options, variants } = await loadForVariantWrite(trx, sellerId, productId);
  const current = variants.find((v) => v.id === variantId);
  if (!current) throw variantNotFound(productId, variantId);
  const others = variants.filter((v) => v.id !== variantId);
  const errors: FieldError[] = [];
  if (input.options !== undefined) errors.push(...checkVariantOptions(input.options, options, ''));
  if (input.prices !== undefined) errors.push(...checkPrices(input.prices, ''));
  throwIfAny(errors);

  const patch: Parameters<typeof repo.updateVariant>[2] & { inventory_quantity?: number } = {};
  if (input.sku !== undefined && input.sku !== current.sku) {
    await assertSkusFree(trx, [input.sku], variantId);
    patch.sku = input.sku;
  }
  if (input.title !== undefined && input.title !== current.title) patch.title = input.title;
  if (input.options !== undefined && !sameJson(input.options, current.options)) {
    assertCombinationFree(input.options, options, others);
    patch.options = input.options;
    // A title that was only the option values follows them; a title the seller wrote stays.
    if (input.title === undefined && current.title === defaultVariantTitle(current.options, options)) {
      const title = defaultVariantTitle(input.options, options);
      if (title !== current.title) patch.title = title;
    }
  }
  const previousPrices = await repo.findPrices(trx, variantId);
  const prices = input.prices === undefined ? previousPrices : sortPrices(input.prices);
  const pricesChanged = !sameJson(prices, previousPrices);
  if (
    pricesChanged &&
    prices.length === 0 &&
    product.status === 'published' &&
    !others.some((v) => v.priced)
  ) {
    throw new AppError(
      'invalid_state',
      'A published product must keep at least one variant with a price; unpublish it before removing the last prices.',
    );
  }
  const stockChanged =
    input.inventory_quantity !== undefined && input.inventory_quantity !== current.inventory_quantity;
  if (stockChanged) patch.inventory_quantity = input.inventory_quantity;

  const { inventory_quantity: stock, ...content } = patch;
  await repo.updateVariant(trx, variantId, content);
  if (stock !== undefined) await applyStock(trx, [{ id: variantId, quantity: stock, adjust: null }]);
  if (pricesChanged) {
    await repo.replacePrices(trx, { id: variantId, product_id: productId }, prices);
    await refreshPriceRanges(trx, [productId]);
  }
  const changed: EventData<'variant.updated'>['changed'] = [
    ...(Object.keys(content) as (keyof typeof content)[]),
    ...(pricesChanged ? (['prices'] as const) : []),
  ];
  const after = { id: variantId, product_id: productId, sku: patch.sku ?? current.sku };
  const events: DomainEvent[] = [];
  if (changed.length > 0) {
    // Stock alone is not a change of the product's content (checkouts move it all day).
    await updateProduct(trx, productId, {});
    events.push(
      variantEvent('variant.updated', sellerId, after, {
        changed,
        title: patch.title ?? current.title,
        options: patch.options ?? current.options,
        prices,
        inventory_quantity: patch.inventory_quantity ?? current.inventory_quantity,
      }),
    );
  }
  if (stockChanged) {
    events.push(
      inventoryUpdated(
        {
          variantId: after.id,
          productId: after.product_id,
          sku: after.sku,
          inventoryQuantity: stock ?? current.inventory_quantity,
          previousQuantity: current.inventory_quantity,
        },
        sellerId,
      ),
    );
  }
  await recordEvents(trx, events);
  return readSellerProduct(trx, sellerId, productId);
}

/** Deletes a variant; a published product keeps at least one priced variant. */
export async function deleteVariant(trx: Db, sellerId: string, productId: string, variantId: string) {
  const { product, variants } = await loadForVariantWrite(trx, sellerId, productId);
  const current = variants.find((v) => v.id === variantId);
  if (!current) throw variantNotFound(productId, variantId);
  const others = variants.filter((v) => v.id !== variantId);
  if (product.status === 'published' && !others.some((v) => v.priced)) {
    throw new AppError(
      'invalid_state',
      others.length === 0
        ? 'The last variant of a published product cannot be deleted; unpublish the product first.'
        : 'The last priced variant of a published product cannot be deleted; unpublish the product first.',
    );
  }
  await repo.deleteVariant(trx, variantId);
  await refreshPriceRanges(trx, [productId]);
  await updateProduct(trx, productId, {});
  await recordEvents(trx, [
    variantEvent(
      'variant.deleted',
      sellerId,
      { id: variantId, product_id: productId, sku: current.sku },
      {
        title: current.title,
      },
    ),
  ]);
}

function sortPrices(prices: readonly PriceRow[]): PriceRow[] {
  return [...prices]
    .map((p) => ({ amount: p.amount, currency: p.currency }))
    .sort((a, b) => (a.currency < b.currency ? -1 : 1));
}
