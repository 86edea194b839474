import type { Container } from './container.js';
import type { OperationHandlers } from './http/operations.js';
import { keyHandlers } from './modules/auth/auth.handlers.js';
import { cartsHandlers } from './modules/carts/carts.handlers.js';
import { catalogHandlers } from './modules/catalog/catalog.handlers.js';
import { orderHandlers } from './modules/orders/orders.handlers.js';
import { sellerCatalogHandlers } from './modules/seller-catalog/seller-catalog.handlers.js';
import { sellerAdminHandlers } from './modules/sellers/sellers.handlers.js';
import { shippingHandlers } from './modules/shipping/shipping.handlers.js';
import { type SystemDeps, systemHandlers } from './modules/system/system.handlers.js';
import { webhookHandlers } from './modules/webhooks/webhooks.handlers.js';
/** Every operation's handler, built from the container. Leaving an operationId out does not compile. */
export function allHandlers(container: Container, system: SystemDeps): OperationHandlers {
  const { idempotent, sellers } = container;
  return {
    ...systemHandlers(system),
    ...catalogHandlers({ catalog: container.catalog }),
    ...sellerCatalogHandlers({ sellerCatalog: container.sellerCatalog, idempotent }),
    ...cartsHandlers({ carts: container.carts, idempotent }),
    ...sellerAdminHandlers({ sellers, idempotent }),
    ...shippingHandlers({ shipping: container.shipping }),
    ...orderHandlers({
      idempotent,
      checkout: container.checkout,
      orders: container.orders,
      ledger: container.ledger,
    }),
    ...keyHandlers({ apiKeys: container.apiKeys, idempotent, requireSeller: (id) => sellers.get(id) }),
    ...webhookHandlers({ webhooks: container.webhooks, idempotent }),
  };
}
