import { defaultBuildResponseCacheKey, useResponseCache } from '@envelop/response-cache';
import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context as KoaContext } from 'koa';
import type { AnswerNotes, CatalogResults } from './answers.js';
import { publicCatalogQueries } from './public-queries.js';

/** A cached result, serialised on its first answer and sent as that same text afterwards. */
type CachedResult = ExecutionResult & { stringify?: (result: unknown) => string };

/**
 * Answers public catalog queries from the catalog cache (`@envelop/response-cache` over
 * withCatalogCache's `results`): the same TTL as REST's catalog responses, dropped together with them
 * when a committed change reaches the outbox, and keyed as REST keys its URLs: by the request alone
 * (document, operation name, variables; currency is an argument), never by the caller, since no
 * public catalog field depends on who asks. Only queries all of whose root fields are public catalog
 * fields (public-queries.ts) are looked up or stored; results with errors never are.
 *
 * Installed after the limits and the rate limit (server.ts): a hit is still measured and still pays
 * its cost. A hit runs no resolver, so no statement.
 */
export function useCatalogResponseCache(results: CatalogResults, ttlMs: number): Plugin {
  const cache = useResponseCache({
    // Public data only (below): one entry for every caller, as REST's URL-keyed entries.
    session: () => null,
    ttl: ttlMs,
    cache: {
      get: (key) => results.get(key) as Promise<ExecutionResult | undefined>,
      set: (key, result) => results.put(key, serialisedOnce(result), Number(key.split(':', 1)[0])),
      // Invalidation is the catalog cache's (the outbox position), not per entity.
      invalidate: () => undefined,
    },
    // The generation the key was made in leads it: `put` refuses a result computed across a change.
    buildResponseCacheKey: async (params) => {
      const since = results.since();
      return `${since}:${await defaultBuildResponseCacheKey({ ...params, sessionId: null })}`;
    },
    // Errors and partial results are never cached (the default says so on the console each time).
    shouldCacheResult: ({ result }) => !result.errors?.length,
    invalidateViaMutation: false,
    // Entities are not tracked (no per-entity invalidation): no id fields are added to documents.
    idFields: [],
    // A hit answers exactly what its miss did: no `extensions.responseCache`.
    includeExtensionMetadata: false,
  });
  const publicQuery = publicCatalogQueries();
  return {
    ...(cache.onSchemaChange ? { onSchemaChange: cache.onSchemaChange } : {}),
    onExecute(params) {
      if (!publicQuery(params.args.document, params.args.operationName)) return;
      const koa = (params.args.contextValue as { koa?: KoaContext }).koa;
      if (koa) (koa.state as AnswerNotes).graphqlPublic = true;
      return cache.onExecute?.(params);
    },
  };
}

/**
 * The result, serialising to the same text each time: the first answer's JSON is kept, so a hit is
 * byte-identical to its miss and is not serialised again. Anything else handed the same stringifier
 * (a copy of the result) is serialised afresh.
 */
function serialisedOnce(result: CachedResult): CachedResult {
  const stringify = result.stringify ?? JSON.stringify;
  let text: string | undefined;
  result.stringify = (value) => {
    if (value !== result) return stringify(value);
    text ??= stringify(value);
    return text;
  };
  return result;
}
