import type { BuyersOrderViews } from '../buyers-orders.js';
import { AppError } from '../errors.js';
import type { Resolvers } from '../generated/graphql.js';
import type { Principal } from '../http/principal.js';
import type { Cart } from '../modules/carts/index.js';
import type { ContentService } from '../modules/content/index.js';
import type { CustomersService } from '../modules/customers/index.js';
import type { OrdersService } from '../modules/orders/index.js';
import type { ReviewsService } from '../modules/reviews/index.js';
import type { InputValidator } from './inputs.js';

/** The services the account, review and content fields read through: the ones REST's handlers call. */
export interface AccountDeps {
  customers: CustomersService;
  orders: OrdersService;
  reviews: ReviewsService;
  /** What REST's buyer's reads add to an order: reviews of its lines, the customer's watch token. */
  buyersOrders: BuyersOrderViews;
  content: ContentService;
  /** The customer's active cart (`GET /store/customers/me/cart`); `not_found` when there is none. */
  customerCart: (customerId: string) => Promise<Cart>;
  inputs: InputValidator;
}

/** Largest page REST's `limit` allows. */
const MAX_PAGE = 100;

/** `null` for a resource that is not there (as Shopify's Storefront API answers); other errors pass. */
export async function orNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') return null;
    throw err;
  }
}

/** REST's `limit`/`cursor` from a connection's `first`/`after`, refused as REST refuses them (1–100). */
function page(first: number | null | undefined, after: string | null | undefined) {
  const limit = first ?? undefined;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE))
    throw new AppError('validation_failed', `Invalid arguments: /first must be between 1 and ${MAX_PAGE}.`, {
      errors: [{ in: 'body', field: '/first', message: `must be between 1 and ${MAX_PAGE}` }],
    });
  return { ...(limit === undefined ? {} : { limit }), ...(after ? { cursor: after } : {}) };
}

/** A Relay page info for REST's forward-only `next_cursor`. */
function pageInfo(next: string | null) {
  return { hasNextPage: next !== null, hasPreviousPage: false, startCursor: null, endCursor: next };
}

/**
 * The signed-in shopper's account id. The token was verified with the key (storefrontPrincipal, the
 * same authenticator and rules as REST's CustomerToken scheme); without one this is REST's 401.
 */
function customerOf(principal: Principal): string {
  if (principal.kind === 'publishable' && principal.customerId !== undefined) return principal.customerId;
  throw new AppError(
    'unauthorized',
    "Sign in first: send the shopper's Firebase ID token in the Authorization header (Bearer).",
  );
}

/**
 * Resolvers of the signed-in customer (`me`), product reviews and content documents: each field calls
 * the service method its REST operation calls, with the same arguments and the same errors.
 */
export function accountResolvers(deps: AccountDeps): Resolvers {
  const { customers, orders, reviews, content, inputs } = deps;
  return {
    Query: {
      me: (_, __, { principal }) => customers.get(customerOf(principal)),
      content: (_, { theme, kind, key }) => {
        // As REST's path parameters: a malformed theme or key is a 400, not a document never published.
        inputs.checkParameter('theme', theme, 'theme');
        inputs.checkParameter('contentKey', key, 'key');
        return orNull(() => content.getPublished(theme, kind, key));
      },
    },
    Customer: {
      addresses: (customer) => customers.listAddresses(customer.id),
      orders: async (customer, { first, after }) => {
        const result = await orders.listForCustomer(customer.id, page(first, after));
        return {
          nodes: await deps.buyersOrders.customersPage(result.data),
          pageInfo: pageInfo(result.next_cursor),
        };
      },
      order: (customer, { id }) =>
        orNull(async () => deps.buyersOrders.customers(await orders.getForCustomer(customer.id, id))),
      cart: (customer) => orNull(() => deps.customerCart(customer.id)),
    },
    Product: {
      reviews: async (product, { first, after }) => {
        const result = await reviews.listForProduct(product.id, page(first, after));
        return { nodes: result.data, pageInfo: pageInfo(result.next_cursor) };
      },
    },
    ReviewStatus: { VISIBLE: 'visible', HIDDEN: 'hidden' },
    ContentKind: { HOME: 'home', BANNER: 'banner', NAVIGATION: 'navigation', PAGE: 'page' },
  };
}
