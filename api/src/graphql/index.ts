/** The GraphQL Storefront API: `/graphql`, wired from the container's services. */
import type { Middleware } from 'koa';
import type { Document } from 'openapi-backend';
import { buyersOrderViews } from '../buyers-orders.js';
import type { Container } from '../container.js';
import type { RateLimitHook } from '../http/rate-limit.js';
import type { RouterOptions } from '../http/router.js';
import { keptOnceLoaded } from '../lib/kept.js';
import { loadPersistedManifest } from './sdl.js';

/**
 * `/graphql` for the app: the same services, authenticator and rate limiter as the REST router.
 * The schema, Yoga and the input validators are built on the first `/graphql` request, not at
 * start-up: graphql, graphql-yoga and the validators' compilation were the largest part of the time
 * before the API answered its first request, and a process that serves REST only never needs them.
 * The persisted-operations manifest is still read here, so a wrong `GRAPHQL_PERSISTED_MANIFEST`
 * stops the start as before.
 */
export function createGraphQLEndpoint(
  container: Container,
  deps: {
    document: Document;
    authenticate: RouterOptions['authenticate'];
    rateLimit: RateLimitHook | undefined;
  },
): Middleware {
  const { config } = container;
  const persisted = loadPersistedManifest(config.GRAPHQL_PERSISTED_MANIFEST);
  const build = async (): Promise<Middleware> => {
    const [{ createInputValidator }, { createGraphQLMiddleware }] = await Promise.all([
      import('./inputs.js'),
      import('./server.js'),
    ]);
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
        buyersOrders: buyersOrderViews(container),
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
      persisted,
      persistedOnly: config.GRAPHQL_PERSISTED_ONLY,
      bodyLimit: config.BODY_LIMIT_BYTES,
      logger: container.logger,
      responseCache: container.catalogResults && {
        results: container.catalogResults,
        ttlMs: config.CATALOG_CACHE_TTL_MS,
      },
    });
  };
  // Built by the first request; a failed build is tried again by the next one.
  const endpoint = keptOnceLoaded(build);
  const serve: Middleware = async (ctx, next) => (await endpoint())(ctx, next);
  // Not async: every other request passes straight on, without a promise of its own.
  return function graphqlEndpoint(ctx, next) {
    return ctx.path === '/graphql' ? serve(ctx, next) : next();
  };
}
