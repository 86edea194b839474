/** The GraphQL Storefront API: `/graphql`, wired from the container's services. */
import type { Middleware } from 'koa';
import type { Document } from 'openapi-backend';
import type { Container } from '../container.js';
import type { RateLimitHook } from '../http/rate-limit.js';
import type { RouterOptions } from '../http/router.js';
import { createInputValidator } from './inputs.js';
import { loadPersistedManifest } from './sdl.js';
import { createGraphQLMiddleware } from './server.js';

/** `/graphql` for the app: the same services, authenticator and rate limiter as the REST router. */
export function createGraphQLEndpoint(
  container: Container,
  deps: {
    document: Document;
    authenticate: RouterOptions['authenticate'];
    rateLimit: RateLimitHook | undefined;
  },
): Middleware {
  const { config } = container;
  return createGraphQLMiddleware({
    services: {
      catalog: container.catalog,
      carts: container.carts,
      orders: container.orders,
      checkout: container.checkout,
      idempotent: container.idempotent,
      inputs: createInputValidator(deps.document),
      customers: container.customers,
      reviews: container.reviews,
      content: container.content,
      customerCart: (customerId) => container.carts.customerCart(customerId),
    },
    authenticate: deps.authenticate,
    rateLimit: deps.rateLimit,
    costPerUnit: config.GRAPHQL_COST_PER_UNIT,
    maxDepth: config.GRAPHQL_MAX_DEPTH,
    maxAliases: config.GRAPHQL_MAX_ALIASES,
    maxCost: config.GRAPHQL_MAX_COST,
    maxTokens: config.GRAPHQL_MAX_TOKENS,
    maxBatch: config.GRAPHQL_MAX_BATCH,
    introspection:
      config.GRAPHQL_INTROSPECTION === 'true' ||
      (config.GRAPHQL_INTROSPECTION === 'auto' && config.NODE_ENV !== 'production'),
    persisted: loadPersistedManifest(config.GRAPHQL_PERSISTED_MANIFEST),
    persistedOnly: config.GRAPHQL_PERSISTED_ONLY,
    bodyLimit: config.BODY_LIMIT_BYTES,
    logger: container.logger,
  });
}
