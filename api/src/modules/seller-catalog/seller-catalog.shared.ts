import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import type { components } from '../../generated/openapi.js';
import {
  constraintViolation,
  findSellerProducts,
  lockSellerProduct,
  type SellerProductRow,
} from './seller-catalog.repository.js';
import { findTakenSkus } from './seller-variants.repository.js';

export type Db = Kysely<Database>;
type Schemas = components['schemas'];
export type SellerProduct = Schemas['SellerProduct'];

/** The same answer whether the product does not exist or belongs to another seller: never reveal which. */
export function productNotFound(productId: string): AppError {
  return new AppError('not_found', `You have no product with the id '${productId}'.`);
}

/** Locks a product of this seller for the transaction, or throws 404. */
export async function lockOwnedProduct(trx: Db, sellerId: string, productId: string) {
  const product = await lockSellerProduct(trx, sellerId, productId);
  if (!product) throw productNotFound(productId);
  return product;
}

/** The seller's view of one of its products (read with `db`, so inside a transaction it sees its writes). */
export async function readSellerProduct(db: Db, sellerId: string, productId: string): Promise<SellerProduct> {
  const [row] = await findSellerProducts(db, { sellerId, productId, limit: 1 });
  if (!row) throw productNotFound(productId);
  return toSellerProduct(row);
}

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

/**
 * Runs `work` (in the transaction its caller was given). Unique and foreign-key violations that slip
 * past the checks (two requests racing for the same handle or SKU) become 409s, never 500s.
 */
export async function explainingConstraints<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw explainConstraint(err) ?? err;
  }
}

function explainConstraint(err: unknown): AppError | undefined {
  const violation = constraintViolation(err);
  if (!violation) return undefined;
  const value = /\)=\((.*)\)/.exec(violation.detail)?.[1];
  if (violation.kind === 'unique') {
    if (violation.constraint === 'products_handle_key') {
      return new AppError('conflict', `The handle '${value ?? ''}' is already taken.`, { cause: err });
    }
    if (violation.constraint === 'variants_sku_key') {
      return new AppError('conflict', `The SKU '${value ?? ''}' is already taken.`, { cause: err });
    }
    return new AppError('conflict', 'The change conflicts with existing data.', { cause: err });
  }
  if (violation.constraint === 'products_category_id_fkey') {
    return new AppError('validation_failed', 'body /category: no category has this id or handle', {
      errors: [{ in: 'body', field: '/category', message: 'no category has this id or handle' }],
      cause: err,
    });
  }
  return new AppError(
    'conflict',
    'Other records (such as orders) refer to what you are changing or deleting; unpublish the product instead.',
    { cause: err },
  );
}

/** 409 naming every SKU of the list that a variant already has. */
export async function assertSkusFree(trx: Db, skus: readonly string[], exceptVariantId?: string) {
  const taken = await findTakenSkus(trx, skus, exceptVariantId);
  if (taken.length > 0) {
    const list = taken.map((s) => `'${s}'`).join(', ');
    throw new AppError(
      'conflict',
      `The SKU${taken.length > 1 ? 's' : ''} ${list} ${taken.length > 1 ? 'are' : 'is'} already taken.`,
    );
  }
}
