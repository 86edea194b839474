import type { CatalogTables } from '../modules/catalog/catalog.table.js';

/** The whole database schema: each module contributes its tables. */
export interface Database extends CatalogTables {}
