import { useGraphQlJit } from '@envelop/graphql-jit';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import {
  type DocumentNode,
  defaultFieldResolver,
  type ExecutionResult,
  type GraphQLError,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  isObjectType,
  NoSchemaIntrospectionCustomRule,
  parse,
} from 'graphql';
import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import type { Context as KoaContext, Middleware } from 'koa';
import { AppError } from '../errors.js';
import { readRawBody } from '../http/body.js';
import type { Principal } from '../http/principal.js';
import type { RateLimitHook } from '../http/rate-limit.js';
import { type Logger, requestScope } from '../lib/logger.js';
import { DEMO_KEYS } from '../modules/auth/index.js';
import type { GraphQLContext } from './context.js';
import { graphQLProblem, maskError } from './errors.js';
import { snakeCase } from './inputs.js';
import { exceededLimit, measureOperation, type QueryLimits } from './limits.js';
import { createLoaders } from './loaders.js';
import { createResolvers, type ResolverDeps } from './resolvers.js';
import {
  type AnswerNotes,
  type CatalogResults,
  catalogAnswers,
  useCatalogResponseCache,
} from './response-cache.js';
import { loadStorefrontSdl } from './sdl.js';
import { trackPendingResolvers, useSettledExecution } from './settle.js';

/** Options of the GraphQL endpoint. */
export interface GraphQLOptions extends QueryLimits {
  services: ResolverDeps;
  /** Resolves `X-Api-Key` (and a customer's bearer token) to the caller, as for REST's storefront operations. */
  authenticate: (credentials: {
    apiKey: string | undefined;
    bearer: string | undefined;
    schemes: readonly string[];
  }) => Promise<Principal>;
  /** Spends rate-limit budget (the REST limiter); absent: no rate limiting. */
  rateLimit?: RateLimitHook | undefined;
  /** Cost points one rate-limit unit pays for. */
  costPerUnit: number;
  maxTokens: number;
  maxBatch: number;
  introspection: boolean;
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
 * A resolver reading a field by its GraphQL name, else by the REST name it is the camelCase of: the
 * resolvers hand GraphQL the services' REST bodies unchanged, so the two APIs cannot disagree on a
 * value. The REST name is worked out once per field here, not on every read (a listing page reads
 * thousands of fields).
 */
function restFieldResolver(fieldName: string): GraphQLFieldResolver<unknown, unknown> {
  const restName = snakeCase(fieldName);
  if (restName === fieldName) return defaultFieldResolver;
  return (source, args, context, info) => {
    if (source !== null && typeof source === 'object' && !(fieldName in source)) {
      return (source as Record<string, unknown>)[restName];
    }
    return defaultFieldResolver(source, args, context, info);
  };
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

  const guard: Plugin<GraphQLContext & ServerContext> = {
    onParse({ setParseFn }) {
      // graphql-js stops parsing at maxTokens (a huge document costs CPU before any limit can look at it).
      setParseFn((source, parseOptions) => parse(source, { ...parseOptions, maxTokens: options.maxTokens }));
    },
    onValidate({ addValidationRule }) {
      if (!options.introspection) addValidationRule(NoSchemaIntrospectionCustomRule);
    },
    async onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue;
      const requestId = context.requestId;
      const refuse = (error: GraphQLError) => setResultAndStopExecution({ errors: [error] });
      const measure = measureOperation(
        args.schema,
        args.document as DocumentNode,
        args.operationName,
        args.variableValues as Record<string, unknown> | undefined,
      );
      const exceeded = exceededLimit(measure, options);
      const notes = context.koa.state as AnswerNotes;
      notes.graphqlOperations = (notes.graphqlOperations ?? 0) + 1;
      if (exceeded) return refuse(graphQLProblem('query_too_complex', exceeded, requestId));
      const units = Math.max(1, Math.ceil(measure.cost / options.costPerUnit));
      notes.graphqlUnits = units;
      if (!options.rateLimit) return;
      try {
        await options.rateLimit(context.koa, { tags: ['GraphQL'] }, context.principal, units);
      } catch (err) {
        if (err instanceof AppError) return refuse(maskError(err, requestId));
        throw err;
      }
    },
  };

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
      principal: await storefrontPrincipal(options, request.headers),
      requestId: String(koa.state.requestId ?? ''),
      loaders: createLoaders(options.services.catalog),
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
      guard,
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
    catalogAnswers(options.responseCache.results, async (ctx, units) => {
      try {
        const principal = await storefrontPrincipal(options, { get: (name) => ctx.get(name) || null });
        await options.rateLimit?.(ctx, { tags: ['GraphQL'] }, principal, units);
        return true;
      } catch (err) {
        if (err instanceof AppError) return false;
        throw err;
      }
    });

  return async function graphql(ctx, next) {
    if (ctx.path !== '/graphql') return next();
    ctx.state.operationId = 'graphql';
    const scope = requestScope.getStore();
    if (scope) scope.operation = 'graphql';
    // Read here, not by Yoga: the limit then holds for chunked bodies too (no Content-Length to check).
    const body = await readRawBody(ctx, options.bodyLimit);
    const cached = await answers?.serve(ctx, body);
    if (cached?.served) return;
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
    // Yoga answers with a fetch Response; Koa writes it, so CORS, request id and access log still apply.
    ctx.status = response.status;
    response.headers.forEach((value, name) => {
      ctx.set(name, value);
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    ctx.body = bytes;
    if (cached?.entry) answers?.remember(ctx, cached.entry, bytes);
  };
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

/** The id of the request being answered (from the request-context middleware's scope). */
function requestId(): string {
  return requestScope.getStore()?.requestId ?? '';
}

/** The caller, who must hold a publishable key (a customer's token rides along): 401/403 otherwise. */
async function storefrontPrincipal(
  options: GraphQLOptions,
  headers: { get(name: string): string | null },
): Promise<Principal> {
  const apiKey = headers.get('x-api-key') ?? undefined;
  const bearer = /^Bearer +(\S+)$/i.exec(headers.get('authorization') ?? '')?.[1];
  const principal = await options.authenticate({
    apiKey,
    bearer,
    schemes: ['PublishableKey', ...(bearer ? ['CustomerToken'] : [])],
  });
  if (principal.kind === 'publishable') return principal;
  if (principal.kind === 'anonymous') {
    throw new AppError(
      'unauthorized',
      apiKey
        ? 'The API key is not valid or was revoked.'
        : 'Send a publishable API key in the X-Api-Key header.',
      { headers: { 'WWW-Authenticate': 'ApiKey header="X-Api-Key"' } },
    );
  }
  throw new AppError(
    'forbidden',
    `The storefront GraphQL API takes a publishable key, not a ${principal.kind} key.`,
  );
}

/**
 * Runs operations as JavaScript compiled for their document (graphql-jit) instead of graphql-js's
 * interpreter: a storefront listing page resolves about two thousand fields, and walking the
 * selection for each was most of a request's CPU. Compiling costs tens of milliseconds, so a document
 * is compiled on its second execution, not its first: the storefronts' repeated operations (Yoga's
 * parser cache hands back the same document object for the same text) are compiled once, and a
 * client sending ever-new documents never pays more than the interpreter.
 */
function compiledExecution(logger: Logger): ReturnType<typeof useGraphQlJit> {
  const seen = new WeakSet<DocumentNode>();
  return useGraphQlJit(
    {},
    {
      // A document graphql-jit cannot compile is answered with the compiler's errors; say which.
      onError: (result) => logger.warn({ errors: result.errors }, 'graphql: operation did not compile'),
      enableIf: ({ document }) => {
        if (seen.has(document)) return true;
        seen.add(document);
        return false;
      },
    },
  );
}

/** Gives every object field without a resolver the REST-name fallback (see restFieldResolver). */
function readRestNames(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) field.resolve ??= restFieldResolver(field.name);
  }
  return schema;
}
