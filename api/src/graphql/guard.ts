import { type DocumentNode, type GraphQLError, NoSchemaIntrospectionCustomRule, parse } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context as KoaContext } from 'koa';
import { AppError } from '../errors.js';
import type { Principal } from '../http/principal.js';
import type { RateLimitHook } from '../http/rate-limit.js';
import { requestScope } from '../lib/scope.js';
import type { AnswerNotes } from './answers.js';
import type { GraphQLContext } from './context.js';
import { graphQLProblem, maskError } from './errors.js';
import { exceededLimit, measureOperation, type QueryLimits } from './limits.js';

/** Resolves `X-Api-Key` (and a customer's bearer token) to the caller, as for REST's storefront operations. */
export type Authenticate = (credentials: {
  apiKey: string | undefined;
  bearer: string | undefined;
  schemes: readonly string[];
}) => Principal | Promise<Principal>;

/** What the guard enforces before any resolver runs. */
export interface GuardOptions extends QueryLimits {
  /** Spends rate-limit budget (the REST limiter); absent: no rate limiting. */
  rateLimit?: RateLimitHook | undefined;
  /** Cost points one rate-limit unit pays for. */
  costPerUnit: number;
  maxTokens: number;
  introspection: boolean;
}

/**
 * Parses with a token limit, refuses introspection when it is off, and before execution measures the
 * operation (depth, aliases, cost: limits.ts) and charges the caller's rate-limit budget by its cost.
 * Notes what it measured on the Koa request for the answer tier (answers.ts).
 */
export function useOperationGuard(options: GuardOptions): Plugin<GraphQLContext & { koa: KoaContext }> {
  return {
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
}

/** The id of the request being answered (from the request-context middleware's scope). */
export function requestId(): string {
  return requestScope.getStore()?.requestId ?? '';
}

/** The caller, who must hold a publishable key (a customer's token rides along): 401/403 otherwise. */
export async function storefrontPrincipal(
  authenticate: Authenticate,
  headers: { get(name: string): string | null },
): Promise<Principal> {
  const apiKey = headers.get('x-api-key') ?? undefined;
  const bearer = /^Bearer +(\S+)$/i.exec(headers.get('authorization') ?? '')?.[1];
  const principal = await authenticate({
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
