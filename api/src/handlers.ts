import { type BuyersOrderViews, buyersOrderViews } from './buyers-orders.js';
import type { Container } from './container.js';
import type { OperationHandlers } from './http/operations.js';
import { keyHandlers } from './modules/auth/auth.handlers.js';
import { cartsHandlers } from './modules/carts/carts.handlers.js';
import { catalogHandlers } from './modules/catalog/catalog.handlers.js';
import { contentHandlers } from './modules/content/content.handlers.js';
import { customerHandlers } from './modules/customers/customers.handlers.js';
import { sessionHandlers } from './modules/customers/customers.sessions.handlers.js';
import { mediaHandlers } from './modules/media/media.handlers.js';
import { orderHandlers } from './modules/orders/orders.handlers.js';
import { rateLimitHandlers } from './modules/rate-limits/rate-limits.handlers.js';
import { reviewHandlers } from './modules/reviews/reviews.handlers.js';
import { sellerCatalogHandlers } from './modules/seller-catalog/seller-catalog.handlers.js';
import { sellerAdminHandlers } from './modules/sellers/sellers.handlers.js';
import { shippingHandlers } from './modules/shipping/shipping.handlers.js';
import { staffHandlers } from './modules/staff/staff.handlers.js';
import { type SystemDeps, systemHandlers } from './modules/system/system.handlers.js';
import { webhookHandlers } from './modules/webhooks/webhooks.handlers.js';
import { instrumentCheckout } from './observability/business.metrics.js';

/** The order handlers with checkout counted in the orders and GMV metrics. */
function placedOrdersCounted<H extends { checkoutStoreCart: OperationHandlers['checkoutStoreCart'] }>(
  handlers: H,
): H {
  return { ...handlers, checkoutStoreCart: instrumentCheckout(handlers.checkoutStoreCart) };
}

/** The buyer's reads of orders with what `buyersOrderViews` adds to them (reviews, watch token). */
type BuyersReads = 'getStoreOrder' | 'getStoreCustomerOrder' | 'listStoreCustomerOrders';
function buyersOrderReads(
  handlers: Pick<OperationHandlers, BuyersReads>,
  views: BuyersOrderViews,
): Pick<OperationHandlers, BuyersReads> {
  return {
    getStoreOrder: async (req) => {
      const res = await handlers.getStoreOrder(req);
      return { ...res, body: await views.byToken(res.body) };
    },
    getStoreCustomerOrder: async (req) => {
      const res = await handlers.getStoreCustomerOrder(req);
      return { ...res, body: await views.customers(res.body) };
    },
    listStoreCustomerOrders: async (req) => {
      const res = await handlers.listStoreCustomerOrders(req);
      return { ...res, body: { ...res.body, data: await views.customersPage(res.body.data) } };
    },
  };
}

/** Every operation's handler, built from the container. Leaving an operationId out does not compile. */
export function allHandlers(container: Container, system: SystemDeps): OperationHandlers {
  const { idempotent, sellers } = container;
  const handlers: OperationHandlers = {
    ...systemHandlers(system),
    ...catalogHandlers({ catalog: container.catalog }),
    ...sellerCatalogHandlers({ sellerCatalog: container.sellerCatalog, idempotent }),
    ...cartsHandlers({ carts: container.carts, idempotent }),
    ...sellerAdminHandlers({ sellers, idempotent }),
    ...shippingHandlers({ shipping: container.shipping }),
    ...placedOrdersCounted(
      orderHandlers({
        idempotent,
        checkout: container.checkout,
        orders: container.orders,
        ledger: container.ledger,
      }),
    ),
    ...keyHandlers({ apiKeys: container.apiKeys, idempotent, requireSeller: (id) => sellers.get(id) }),
    ...rateLimitHandlers({ rateLimits: container.rateLimits, requireSeller: (id) => sellers.get(id) }),
    ...webhookHandlers({ webhooks: container.webhooks, idempotent }),
    ...customerHandlers({
      customers: container.customers,
      orders: container.orders,
      carts: container.carts,
      idempotent,
    }),
    ...sessionHandlers({ identity: container.identity, db: container.database.db }),
    ...staffHandlers({ staff: container.staff, idempotent }),
    ...reviewHandlers({ reviews: container.reviews }),
    ...contentHandlers({ content: container.content }),
    ...mediaHandlers({
      media: container.media,
      idempotent,
      maxPixels: container.config.MEDIA_MAX_PIXELS,
      prerender: container.config.MEDIA_PRERENDER,
    }),
  };
  return { ...handlers, ...buyersOrderReads(handlers, buyersOrderViews(container)) };
}
