import { AppError } from '../../errors.js';
import { productNotFound } from './seller-catalog.errors.js';
import { type Db, findSellerProducts, lockSellerProduct } from './seller-catalog.repository.js';
import { type SellerProduct, toSellerProduct } from './seller-catalog.views.js';
import { findTakenSkus } from './seller-variants.repository.js';

// What every seller-catalog write shares: the product must be the seller's (locked for the write),
// new SKUs must be free, and the answer is the seller's view read back inside the same transaction.

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
