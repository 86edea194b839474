/** Public surface of the catalog module: other modules import from here only. */

export { withCatalogCache } from './catalog.cache.js';
export { type CatalogService, createCatalogService, type Product } from './catalog.service.js';
export type { CatalogTables } from './catalog.table.js';
export {
  analyzeCatalog,
  insertCatalog,
  isCatalogEmpty,
  lockForSeeding,
  refreshPriceRanges,
} from './catalog.write-repository.js';
export { inventoryUpdated } from './inventory.events.js';
export { applyStock, returnStock, type StockChange, takeStock } from './inventory.repository.js';
export { productBodyCache } from './product-bodies.js';
export { productIdByOldHandle } from './product-detail.repository.js';
export { type ProductRating, toRating } from './rating.views.js';
