import { AppError } from '../../errors.js';
import type { components } from '../../generated/openapi.js';
import type { WriteSteps } from '../../http/idempotency.js';
import { newestFirstPage } from '../../lib/cursor.js';
import { newId } from '../../lib/ids.js';
import type { ImageJson } from '../catalog/catalog.table.js';
import { refreshPriceRanges } from '../catalog/index.js';
import { type EventData, recordEvents } from '../events/index.js';
import { assertSkusFree, lockOwnedProduct, readSellerProduct } from './product-access.service.js';
import { explainingConstraints } from './seller-catalog.errors.js';
import { productEvent } from './seller-catalog.events.js';
import { storedImages } from './seller-catalog.images.js';
import { updateInventory } from './seller-catalog.inventory.js';
import type { Db } from './seller-catalog.repository.js';
import * as repo from './seller-catalog.repository.js';
import { checkNewProduct, defaultVariantTitle, sameJson, throwIfAny } from './seller-catalog.validation.js';
import { createVariant, deleteVariant, updateVariant } from './seller-catalog.variants.js';
import { type SellerProduct, toSellerProduct } from './seller-catalog.views.js';
import { findVariants, insertVariants } from './seller-variants.repository.js';

type Schemas = components['schemas'];
export type SellerProductCreate = Schemas['SellerProductCreate'];
export type SellerProductUpdate = Schemas['SellerProductUpdate'];

/** Filters and page of the seller's product list. */
export interface ListSellerProductsInput {
  status?: 'draft' | 'published' | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

/**
 * A seller's own catalog: its products in every status, their variants, prices and stock. Every
 * operation is scoped to one seller; another seller's product or variant is reported as not found.
 * Writes run in the transaction they are given (the request's write owner opens it).
 */
export function createSellerCatalogService({
  db,
  afterImagesDropped = async () => {},
}: {
  db: Db;
  /**
   * Called after a commit that may have left a product's stored images unreferenced (the product was
   * deleted, or its images replaced): the media module removes their files. Never throws.
   */
  afterImagesDropped?: (productId: string, dropped: ImageJson[]) => Promise<void>;
}) {
  return {
    /** A page of the seller's products, newest first. */
    async listProducts(sellerId: string, input: ListSellerProductsInput) {
      const page = await newestFirstPage(
        input,
        ['seller-products', sellerId, input.status ?? null],
        (after, limit) =>
          repo.findSellerProducts(db, {
            sellerId,
            status: input.status,
            after: after && { createdAt: String(after.sortKey), id: after.id },
            limit,
          }),
      );
      return { data: page.rows.map(toSellerProduct), next_cursor: page.next_cursor };
    },

    getProduct: (sellerId: string, productId: string) => readSellerProduct(db, sellerId, productId),

    /** Creates a draft product with its options, variants and prices. */
    createProduct(sellerId: string, input: SellerProductCreate, trx: Db): Promise<SellerProduct> {
      const options = input.options ?? [];
      throwIfAny(checkNewProduct(options, input.variants));

      return explainingConstraints(async () => {
        const categoryId = await resolveCategory(trx, input.category);
        if (await repo.isHandleTaken(trx, input.handle)) {
          throw new AppError('conflict', `The handle '${input.handle}' is already taken.`);
        }
        await assertSkusFree(trx, [...new Set(input.variants.map((v) => v.sku))]);
        const productId = newId('prod');
        await repo.insertProduct(trx, {
          id: productId,
          seller_id: sellerId,
          handle: input.handle,
          title: input.title,
          description: input.description ?? null,
          category_id: categoryId,
          attributes: input.attributes ?? {},
          images: storedImages(input.images ?? []),
        });
        await repo.releaseOldHandle(trx, input.handle);
        await repo.insertOptions(
          trx,
          options.map((o, position) => ({ id: newId('opt'), product_id: productId, ...o, position })),
        );
        const variants = input.variants.map((v, position) => ({
          id: newId('var'),
          product_id: productId,
          sku: v.sku,
          title: v.title ?? defaultVariantTitle(v.options ?? {}, options),
          options: v.options ?? {},
          inventory_quantity: v.inventory_quantity ?? 0,
          position,
          prices: v.prices ?? [],
        }));
        await insertVariants(trx, variants);
        await refreshPriceRanges(trx, [productId]);
        await recordEvents(trx, [
          productEvent('product.created', sellerId, productId, {
            handle: input.handle,
            title: input.title,
            status: 'draft',
            category_id: categoryId,
            variants: variants.map((v) => ({ variant_id: v.id, sku: v.sku })),
          }),
        ]);
        return readSellerProduct(trx, sellerId, productId);
      });
    },

    /** Changes the given fields; nothing is written (and no event recorded) when nothing differs. */
    updateProduct(
      sellerId: string,
      productId: string,
      input: SellerProductUpdate,
      trx: Db,
      steps: Pick<WriteSteps, 'onCommit'>,
    ): Promise<SellerProduct> {
      return explainingConstraints(async () => {
        let dropped: ImageJson[] = [];
        const current = await lockOwnedProduct(trx, sellerId, productId);
        const patch: Parameters<typeof repo.updateProduct>[2] = {};
        if (input.handle !== undefined && input.handle !== current.handle) {
          if (await repo.isHandleTaken(trx, input.handle, productId)) {
            throw new AppError('conflict', `The handle '${input.handle}' is already taken.`);
          }
          patch.handle = input.handle;
        }
        if (input.title !== undefined && input.title !== current.title) patch.title = input.title;
        if (input.description !== undefined && input.description !== current.description) {
          patch.description = input.description;
        }
        if (input.category !== undefined) {
          const categoryId = await resolveCategory(trx, input.category);
          if (categoryId !== current.category_id) patch.category_id = categoryId;
        }
        if (input.attributes !== undefined && !sameJson(input.attributes, current.attributes)) {
          patch.attributes = input.attributes;
        }
        const images = input.images && storedImages(input.images);
        if (images !== undefined && !sameJson(images, current.images)) {
          patch.images = images;
          const kept = new Set(images.map((i) => i.url));
          dropped = current.images.filter((i) => !kept.has(i.url));
        }
        // The patch's keys are the spec's `changed` names (the category travels as its id column).
        const changed = Object.keys(patch).map((k) =>
          k === 'category_id' ? 'category' : k,
        ) as EventData<'product.updated'>['changed'];
        if (changed.length > 0) {
          await repo.updateProduct(trx, productId, patch);
          if (patch.handle !== undefined) await repo.moveHandle(trx, productId, current.handle, patch.handle);
          await recordEvents(trx, [
            productEvent('product.updated', sellerId, productId, {
              handle: patch.handle ?? current.handle,
              ...(patch.handle !== undefined && { previous_handle: current.handle }),
              title: patch.title ?? current.title,
              status: current.status,
              changed,
            }),
          ]);
        }
        if (dropped.length > 0) steps.onCommit(() => afterImagesDropped(productId, dropped));
        return readSellerProduct(trx, sellerId, productId);
      });
    },

    /** Deletes a product with its options, variants and prices (and, once committed, its stored images). */
    deleteProduct(
      sellerId: string,
      productId: string,
      trx: Db,
      steps: Pick<WriteSteps, 'onCommit'>,
    ): Promise<void> {
      return explainingConstraints(async () => {
        const current = await lockOwnedProduct(trx, sellerId, productId);
        const variants = await findVariants(trx, productId);
        await repo.deleteProduct(trx, productId);
        // The ranges cascade with the product; rebuilding keeps the rule "every variant delete refreshes".
        await refreshPriceRanges(trx, [productId]);
        await recordEvents(trx, [
          productEvent('product.deleted', sellerId, productId, {
            handle: current.handle,
            status: current.status,
            variants: variants.map((v) => ({ variant_id: v.id, sku: v.sku })),
          }),
        ]);
        steps.onCommit(() => afterImagesDropped(productId, current.images));
      });
    },

    /**
     * Moves a product to `published` or back to `draft`; the same status again changes nothing.
     * Publishing needs a variant with a price, so the store never shows a product nobody can buy.
     */
    setStatus(
      sellerId: string,
      productId: string,
      status: 'published' | 'draft',
      trx: Db,
    ): Promise<SellerProduct> {
      return explainingConstraints(async () => {
        const current = await lockOwnedProduct(trx, sellerId, productId);
        if (current.status !== status) {
          if (status === 'published') {
            const variants = await findVariants(trx, productId);
            if (!variants.some((v) => v.priced)) {
              throw new AppError(
                'invalid_state',
                'A product needs at least one variant with a price before it can be published.',
              );
            }
          }
          await repo.updateProduct(trx, productId, { status });
          await recordEvents(trx, [
            productEvent(
              status === 'published' ? 'product.published' : 'product.unpublished',
              sellerId,
              productId,
              {
                handle: current.handle,
                status,
              },
            ),
          ]);
        }
        return readSellerProduct(trx, sellerId, productId);
      });
    },

    createVariant: (
      sellerId: string,
      productId: string,
      input: Schemas['SellerVariantCreate'],
      trx: Db,
    ): Promise<SellerProduct> => explainingConstraints(() => createVariant(trx, sellerId, productId, input)),

    updateVariant: (
      sellerId: string,
      productId: string,
      variantId: string,
      input: Schemas['SellerVariantUpdate'],
      trx: Db,
    ): Promise<SellerProduct> =>
      explainingConstraints(() => updateVariant(trx, sellerId, productId, variantId, input)),

    deleteVariant: (sellerId: string, productId: string, variantId: string, trx: Db): Promise<void> =>
      explainingConstraints(() => deleteVariant(trx, sellerId, productId, variantId)),

    /** Sets or adjusts the stock of many variants, all or nothing. */
    updateInventory: (sellerId: string, input: Schemas['InventoryUpdate'], trx: Db) =>
      explainingConstraints(() => updateInventory(trx, sellerId, input.items)),
  };
}

export type SellerCatalogService = ReturnType<typeof createSellerCatalogService>;

/** The id of the category a client named by id or handle; null stays null. Unknown is a field error. */
async function resolveCategory(trx: Db, category: string | null | undefined): Promise<string | null> {
  if (category === undefined || category === null) return null;
  const id = await repo.findCategoryId(trx, category);
  if (!id) {
    throwIfAny([
      { in: 'body', field: '/category', message: `no category has the id or handle '${category}'` },
    ]);
  }
  return id ?? null;
}
