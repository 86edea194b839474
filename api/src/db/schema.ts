import type { IdempotencyTables } from '../http/idempotency.table.js';
import type { AuthTables } from '../modules/auth/auth.table.js';
import type { CatalogTables } from '../modules/catalog/catalog.table.js';
import type { OutboxTables } from '../modules/events/events.table.js';

/** The whole database schema: each module contributes its tables. */
export interface Database extends CatalogTables, AuthTables, OutboxTables, IdempotencyTables {}
