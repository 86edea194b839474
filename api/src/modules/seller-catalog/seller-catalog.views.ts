import type { components } from '../../generated/openapi.js';
import type { SellerProductRow } from './seller-catalog.repository.js';

export type SellerProduct = components['schemas']['SellerProduct'];

/** A product row with its variants as the seller sees it (`SellerProduct`). */
export function toSellerProduct(row: SellerProductRow): SellerProduct {
  return {
    id: row.id,
    handle: row.handle,
    title: row.title,
    description: row.description,
    status: row.status,
    seller_id: row.seller_id,
    category:
      row.category_id && row.category_handle && row.category_name
        ? { id: row.category_id, handle: row.category_handle, name: row.category_name }
        : null,
    attributes: row.attributes,
    images: row.images,
    options: row.options,
    variants: row.variants.map((v) => ({
      id: v.id,
      sku: v.sku,
      title: v.title,
      options: v.options,
      prices: v.prices,
      inventory_quantity: v.inventory_quantity,
    })),
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    created_by: row.created_by,
    updated_by: row.updated_by,
  };
}
