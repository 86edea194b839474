/** Public surface of the seller catalog module: a seller's own products, variants, prices and stock. */

export { changeProductImages, type ImagesOfProduct, productImages } from './seller-catalog.images.js';
export {
  createSellerCatalogService,
  type ListSellerProductsInput,
  type SellerCatalogService,
} from './seller-catalog.service.js';
export type { SellerProduct } from './seller-catalog.views.js';
