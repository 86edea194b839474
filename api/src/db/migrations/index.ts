import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_catalog.js';
import * as m0002 from './0002_keys_outbox_idempotency.js';
import * as m0003 from './0003_marketplace_settings.js';
import * as m0004 from './0004_carts.js';
import * as m0005 from './0005_orders_payments_ledger.js';
import * as m0006 from './0006_seller_catalog.js';
import * as m0007 from './0007_events_plugins_webhooks.js';
import * as m0008 from './0008_seller_rate_limits.js';
import * as m0009 from './0009_customers.js';
import * as m0010 from './0010_seller_staff.js';
import * as m0011 from './0011_documents_ratings.js';
import * as m0012 from './0012_operator_staff.js';
import * as m0013 from './0013_attribution.js';
import * as m0014 from './0014_product_read_model.js';
import * as m0015 from './0015_product_image_files.js';
import * as m0016 from './0016_event_wakeups.js';
import * as m0017 from './0017_catalog_read_storage.js';
import * as m0018 from './0018_catalog_read_ascii.js';
import * as m0019 from './0019_media_preview_key.js';
import * as m0020 from './0020_media_visibility_notify.js';
import * as m0021 from './0021_stock_update_read_model.js';
import * as m0022 from './0022_order_watch_key.js';
import * as m0023 from './0023_product_old_handles.js';

/**
 * Every migration, in order. Listed explicitly (not read from the file system) so the same list
 * runs from source under tsx, from a bundle, and in tests.
 */
const migrations: Record<string, Migration> = {
  '0001_catalog': m0001,
  '0002_keys_outbox_idempotency': m0002,
  '0003_marketplace_settings': m0003,
  '0004_carts': m0004,
  '0005_orders_payments_ledger': m0005,
  '0006_seller_catalog': m0006,
  '0007_events_plugins_webhooks': m0007,
  '0008_seller_rate_limits': m0008,
  '0009_customers': m0009,
  '0010_seller_staff': m0010,
  '0011_documents_ratings': m0011,
  '0012_operator_staff': m0012,
  '0013_attribution': m0013,
  '0014_product_read_model': m0014,
  '0015_product_image_files': m0015,
  '0016_event_wakeups': m0016,
  '0017_catalog_read_storage': m0017,
  '0018_catalog_read_ascii': m0018,
  '0019_media_preview_key': m0019,
  '0020_media_visibility_notify': m0020,
  '0021_stock_update_read_model': m0021,
  '0022_order_watch_key': m0022,
  '0023_product_old_handles': m0023,
};

/** Kysely migration provider over the static list above. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
