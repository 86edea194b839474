import type { Container } from '../container.js';
import { keyHandlers } from '../modules/auth/index.js';
import { cartsHandlers } from '../modules/carts/index.js';
import { catalogHandlers } from '../modules/catalog/index.js';
import { customerHandlers } from '../modules/customers/index.js';
import { orderHandlers } from '../modules/orders/index.js';
import { rateLimitHandlers } from '../modules/rate-limits/index.js';
import { sellerCatalogHandlers } from '../modules/seller-catalog/index.js';
import { sellerAdminHandlers } from '../modules/sellers/index.js';
import { shippingHandlers } from '../modules/shipping/index.js';
import { staffHandlers } from '../modules/staff/index.js';
import { type SystemDeps, systemHandlers } from '../modules/system/system.handlers.js';
import { webhookHandlers } from '../modules/webhooks/index.js';
import type { OperationHandlers } from './operations.js';

/** Every operation's handler, built from the container. Leaving an operationId out does not compile. */
export function allHandlers(container: Container, system: SystemDeps): OperationHandlers {
  const db = container.database.db;
  const { idempotent, sellers } = container;
  return {
    ...systemHandlers(system),
    ...catalogHandlers({ catalog: container.catalog }),
    ...sellerCatalogHandlers({ sellerCatalog: container.sellerCatalog, idempotent, db }),
    ...cartsHandlers({ carts: container.carts, db, idempotent }),
    ...sellerAdminHandlers({ sellers, db, idempotent }),
    ...shippingHandlers({ db }),
    ...orderHandlers({
      db,
      idempotent,
      checkout: container.checkout,
      orders: container.orders,
      ledger: container.ledger,
    }),
    ...keyHandlers({ apiKeys: container.apiKeys, db, idempotent, requireSeller: (id) => sellers.get(id) }),
    ...rateLimitHandlers({ rateLimits: container.rateLimits, requireSeller: (id) => sellers.get(id) }),
    ...webhookHandlers({ webhooks: container.webhooks, db, idempotent }),
    ...customerHandlers({ customers: container.customers, orders: container.orders, db }),
    ...staffHandlers({ staff: container.staff }),
  };
}
