import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { ExecutionResult } from 'graphql';
import { createSchema, createYoga } from 'graphql-yoga';
import type { Context as KoaContext, Middleware } from 'koa';
import { AppError } from '../errors.js';
import { readRawBody } from '../http/body.js';
import type { Logger } from '../lib/logger.js';
import { requestScope } from '../lib/scope.js';
import { DEMO_KEYS } from '../modules/auth/index.js';
import { type CatalogResults, catalogAnswers } from './answers.js';
import type { GraphQLContext } from './context.js';
import { graphQLProblem, maskError } from './errors.js';
import { compiledExecution, readRestNames } from './execution.js';
import {
  type Authenticate,
  type GuardOptions,
  requestId,
  storefrontPrincipal,
  useOperationGuard,
} from './guard.js';
import { createLoaders } from './loaders.js';
import { catalogQueryScreen } from './public-queries.js';
import { createResolvers, type ResolverDeps } from './resolvers.js';
import { useCatalogResponseCache } from './response-cache.js';
import { loadStorefrontSdl } from './sdl.js';
import { trackPendingResolvers, useSettledExecution } from './settle.js';

/** Options of the GraphQL endpoint. */
export interface GraphQLOptions extends GuardOptions {
  services: ResolverDeps;
  /** Resolves `X-Api-Key` (and a customer's bearer token) to the caller, as for REST's storefront operations. */
  authenticate: Authenticate;
  maxBatch: number;
  /** Persisted operations by sha256; with `persistedOnly`, nothing else runs. */
  persisted: Record<string, string>;
  persistedOnly: boolean;
  bodyLimit: number;
  logger: Logger;
  /** Whole results of public catalog queries (the catalog cache's tier); absent: every query executes. */
  responseCache?: { results: CatalogResults; ttlMs: number } | undefined;
}

interface ServerContext {
  koa: KoaContext;
}

/**
 * `/graphql`: the storefront schema served by GraphQL Yoga, behind the same keys, errors and rate
 * limits as REST. Before any resolver runs, each operation is authenticated, measured (depth, aliases,
 * cost: limits.ts) and charged to the caller's rate-limit budget by its cost.
 */
export function createGraphQLMiddleware(options: GraphQLOptions): Middleware {
  const schema = readRestNames(
    trackPendingResolvers(
      createSchema<GraphQLContext & ServerContext>({
        typeDefs: loadStorefrontSdl(),
        resolvers: createResolvers(options.services) as never,
      }),
    ),
  );

  const yoga = createYoga<ServerContext, GraphQLContext>({
    schema,
    graphqlEndpoint: '/graphql',
    logging: false,
    landingPage: false,
    graphiql: options.introspection,
    // GraphiQL from node_modules, whole in one page (no CDN): it works offline and behind firewalls.
    // Imported on the first GraphiQL request only: the bundle is 9 MB of JavaScript a server without
    // GraphiQL (production's default) never loads.
    renderGraphiQL: async (graphiqlOptions) =>
      (await import('@graphql-yoga/render-graphiql')).renderGraphiQL({
        ...graphiqlOptions,
        title: 'Souk Storefront GraphQL',
        // Every operation needs a publishable key: start with the demo one (seeded by `npm start`).
        headers: JSON.stringify({ 'X-Api-Key': DEMO_KEYS.storefront }, null, 2),
        defaultQuery: DEFAULT_QUERY,
      }),
    batching: { limit: options.maxBatch },
    // Errors are problems: `extensions.code` from the spec's closed union (errors.ts).
    maskedErrors: {
      maskError: (error) => {
        const masked = maskError(error, requestId());
        if (masked.extensions.code === 'internal_error')
          options.logger.error({ err: error }, 'graphql: unhandled error');
        return masked;
      },
    },
    context: async ({ koa, request }): Promise<GraphQLContext> => ({
      principal: await storefrontPrincipal(options.authenticate, request.headers),
      requestId: String(koa.state.requestId ?? ''),
      loaders: createLoaders(options.services.catalog, options.services.content),
      pending: [],
      koa,
    }),
    plugins: [
      usePersistedOperations({
        getPersistedOperation: (hash) => options.persisted[hash] ?? null,
        allowArbitraryOperations: !options.persistedOnly,
        customErrors: {
          notFound: () =>
            graphQLProblem(
              'persisted_query_not_found',
              'No persisted operation has this sha256 hash.',
              requestId(),
            ),
          keyNotFound: () =>
            graphQLProblem(
              'persisted_query_required',
              'This server runs persisted operations only: send extensions.persistedQuery.sha256Hash.',
              requestId(),
            ),
          persistedQueryOnly: () =>
            graphQLProblem(
              'persisted_query_required',
              'This server runs persisted operations only: send the hash of a manifest operation, not query text.',
              requestId(),
            ),
        },
      }),
      useOperationGuard(options),
      compiledExecution(options.logger),
      useSettledExecution(),
      // After the guard (a hit is measured and pays its cost) and after compilation (a miss runs compiled).
      ...(options.responseCache
        ? [useCatalogResponseCache(options.responseCache.results, options.responseCache.ttlMs)]
        : []),
      {
        // Errors Yoga answers without masking (parse and validation) become problems here too.
        onResultProcess({ result, setResult }) {
          const problems = (r: ExecutionResult) =>
            r.errors ? { ...r, errors: r.errors.map((e) => maskError(e, requestId())) } : r;
          if (Array.isArray(result)) setResult(result.map(problems));
          else if (!(Symbol.asyncIterator in result)) setResult(problems(result as ExecutionResult));
        },
      },
    ],
  });

  // A hit of the answer tier is admitted as the full path admits an operation: a publishable key, and
  // the operation's units spent (a refusal goes down the full path, which answers it).
  const answers =
    options.responseCache &&
    catalogAnswers(
      options.responseCache.results,
      async (ctx, units) => {
        try {
          const principal = await storefrontPrincipal(options.authenticate, {
            get: (name) => ctx.get(name) || null,
          });
          await options.rateLimit?.(ctx, { tags: ['GraphQL'] }, principal, units);
          return true;
        } catch (err) {
          if (err instanceof AppError) return false;
          throw err;
        }
      },
      catalogQueryScreen(schema, options.persisted, options.persistedOnly),
    );

  return async function graphql(ctx, next) {
    if (ctx.path !== '/graphql') return next();
    ctx.state.operationId = 'graphql';
    const scope = requestScope.getStore();
    if (scope) scope.operation = 'graphql';
    // Read here, not by Yoga: the limit then holds for chunked bodies too (no Content-Length to check).
    const body = await readRawBody(ctx, options.bodyLimit);
    const cached = await answers?.serve(ctx, body);
    if (cached?.served) return;
    let bytes: Buffer | undefined;
    try {
      bytes = await throughYoga(ctx, body);
    } finally {
      // Waiters of the same key get this answer, or run their own when it may not be kept.
      if (cached?.entry) answers?.settle(ctx, cached.entry, bytes);
    }
  };

  /** The full path: Yoga answers with a fetch Response; Koa writes it, so CORS, request id and access log still apply. */
  async function throughYoga(ctx: KoaContext, body: Buffer | undefined): Promise<Buffer> {
    const headers = new Headers();
    for (const [name, value] of Object.entries(ctx.req.headers)) {
      if (value === undefined) continue;
      for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
    }
    // Yoga reads the body we hand it; the framing headers described the bytes on the wire, not these.
    headers.delete('transfer-encoding');
    headers.delete('content-length');
    const request = new yoga.fetchAPI.Request(`http://${ctx.host || 'localhost'}${ctx.url}`, {
      method: ctx.method,
      headers,
      ...(body ? { body: new Uint8Array(body) } : {}),
    });
    const response = await yoga.handleRequest(request, { koa: ctx });
    ctx.status = response.status;
    response.headers.forEach((value, name) => {
      ctx.set(name, value);
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    ctx.body = bytes;
    return bytes;
  }
}

/** What GraphiQL opens with: a first page of products. */
const DEFAULT_QUERY = `# Souk Storefront GraphQL. Send a publishable key in X-Api-Key (Headers, below).
query FirstProducts {
  products(first: 3) {
    nodes { handle title priceRange { min { amount currency } } seller { name } }
    pageInfo { hasNextPage endCursor }
  }
}
`;
