import type { IdempotencyTables } from '../http/idempotency.table.js';
import type { AuthTables } from '../modules/auth/auth.table.js';
import type { CartsTables } from '../modules/carts/carts.table.js';
import type { CatalogTables } from '../modules/catalog/catalog.table.js';
import type { CustomersTables } from '../modules/customers/customers.table.js';
import type { OutboxTables } from '../modules/events/events.table.js';
import type { LedgerTables } from '../modules/ledger/ledger.table.js';
import type { MediaTables } from '../modules/media/media.table.js';
import type { OrdersTables } from '../modules/orders/orders.table.js';
import type { PaymentsTables } from '../modules/payments/payments.table.js';
import type { RateLimitTables } from '../modules/rate-limits/rate-limits.table.js';
import type { RealtimeTables } from '../modules/realtime/realtime.table.js';
import type { ReviewsTables } from '../modules/reviews/reviews.table.js';
import type { SellersTables } from '../modules/sellers/sellers.table.js';
import type { StaffTables } from '../modules/staff/staff.table.js';
import type { WebhooksTables } from '../modules/webhooks/webhooks.table.js';
import type { PluginTables } from '../plugins/plugins.table.js';

/** The whole database schema: each module contributes its tables. */
export interface Database
  extends CatalogTables,
    SellersTables,
    AuthTables,
    CartsTables,
    OutboxTables,
    IdempotencyTables,
    OrdersTables,
    PaymentsTables,
    LedgerTables,
    WebhooksTables,
    PluginTables,
    RateLimitTables,
    RealtimeTables,
    CustomersTables,
    StaffTables,
    ReviewsTables,
    MediaTables {}
