import Koa from 'koa';
import type { Document } from 'openapi-backend';
import type { Container } from './container.js';
import { createGraphQLEndpoint } from './graphql/index.js';
import { allHandlers } from './handlers.js';
import { compression } from './http/compression.js';
import { apiCors } from './http/cors.js';
import { errorHandler } from './http/error-handler.js';
import { rateLimiter } from './http/rate-limit.js';
import { type RequestHooks, requestContext } from './http/request-context.js';
import { createContractRouter } from './http/router.js';
import { createAuthenticator } from './modules/auth/index.js';
import type { SystemDeps } from './modules/system/system.handlers.js';
import { httpMetrics, metricsEndpoint } from './observability/http.metrics.js';
import type { DocsFiles } from './spec.js';

export interface AppOptions {
  document: Document;
  /** The API reference page and its script. */
  docs: DocsFiles;
  /** True once shutdown began. */
  isShuttingDown?: () => boolean;
}

/** Builds the Koa application: request context, CORS, problem mapping, then the contract router. */
export async function createApp(container: Container, options: AppOptions): Promise<Koa> {
  const { config, logger, database } = container;
  const isShuttingDown = options.isShuttingDown ?? (() => false);
  const app = new Koa({ proxy: true });
  // Koa would print errors itself; the error handler already logs them once with the request id.
  app.silent = true;

  const authenticate = createAuthenticator({
    apiKeys: container.apiKeys,
    identity: container.identity,
    customerOf: async (identity) => (await container.customers.signIn(identity)).id,
    staffOf: (identity) => container.staff.membershipOf(identity),
    operatorStaffOf: (identity) => container.staff.operators.membershipOf(identity),
  });
  const rateLimit = config.RATE_LIMIT_ENABLED
    ? rateLimiter({
        budget: container.rateBudget,
        rateLimits: container.rateLimits,
        windowMs: config.RATE_LIMIT_WINDOW_MS,
        logger,
      })
    : undefined;
  const router = await createContractRouter({
    document: options.document,
    bodyLimit: config.BODY_LIMIT_BYTES,
    binaryBodyLimit: config.MEDIA_MAX_UPLOAD_BYTES,
    handlers: allHandlers(container, {
      db: database.db,
      driver: database.driver,
      document: options.document as unknown as SystemDeps['document'],
      docs: options.docs,
      isShuttingDown,
    }),
    // Storefront catalog GETs: cached whole while the catalog is unchanged (see withCatalogCache).
    responseCache: {
      operations: new Set([
        'listStoreProducts',
        'getStoreProduct',
        'listStoreCategories',
        'getStoreSeller',
        // Documents: every write of theirs records an event, which drops this cache too.
        'listStoreProductReviews',
        'getStoreContent',
        'getStoreSellerPage',
      ]),
      ...container.catalogResponses,
    },
    authenticate,
    ...(rateLimit ? { rateLimit } : {}),
  });

  const closeConnectionsWhenDraining: RequestHooks = {
    // Decided after the handler: a request that began before shutdown still tells its client to reconnect.
    finish: (ctx) => {
      if (isShuttingDown()) ctx.set('Connection', 'close');
    },
  };
  const cors = apiCors({ origins: config.CORS_ORIGINS });
  app.use(requestContext({ logger, hooks: [httpMetrics(), cors.hooks, closeConnectionsWhenDraining] }));
  // /metrics on the API port unless it has its own (METRICS_PORT); in production only with a token.
  app.use(
    metricsEndpoint({
      enabled: !config.METRICS_PORT && (config.NODE_ENV !== 'production' || !!config.METRICS_TOKEN),
      token: config.METRICS_TOKEN,
    }),
  );
  app.use(cors.preflight);
  if (config.HTTP_COMPRESSION) app.use(compression());
  app.use(errorHandler({ logger }));
  // /graphql: the storefront schema, beside the contract router (same keys, limits and problem codes).
  if (config.GRAPHQL_ENABLED)
    app.use(createGraphQLEndpoint(container, { document: options.document, authenticate, rateLimit }));
  app.use(router);
  return app;
}
