import { defaultBuildResponseCacheKey, useResponseCache } from '@envelop/response-cache';
import {
  type DocumentNode,
  type ExecutionResult,
  type FragmentDefinitionNode,
  getOperationAST,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context as KoaContext } from 'koa';

/** The catalog cache's tier of whole GraphQL results (withCatalogCache's `results`). */
export interface CatalogResults {
  get(key: string): Promise<object | undefined>;
  /** The catalog cache's generation: a result computed across a change of it is not stored. */
  since(): number;
  put(key: string, result: object, since: number): void;
}

/**
 * Root fields whose answers are public catalog data, the same for every caller: the GraphQL side of
 * the REST operations the catalog's response cache serves (`listStoreProducts`, `getStoreProduct`,
 * `listStoreCategories`, `getStoreSeller`, `listStoreProductReviews`, `getStoreContent`). Everything
 * below them is too (products, sellers' public profiles, categories, visible reviews, published
 * content). Not `me`, `cart`, `order` (the caller's own data) nor introspection.
 */
const PUBLIC_ROOT_FIELDS: ReadonlySet<string> = new Set([
  'products',
  'product',
  'categories',
  'seller',
  'sellers',
  'content',
  '__typename',
]);

/** A cached result, serialised on its first answer and sent as that same text afterwards. */
type CachedResult = ExecutionResult & { stringify?: (result: unknown) => string };

/**
 * Answers public catalog queries from the catalog cache (`@envelop/response-cache` over
 * withCatalogCache's `results`): the same TTL as REST's catalog responses, dropped together with them
 * when a committed change reaches the outbox, and keyed as REST keys its URLs: by the request alone
 * (document, operation name, variables; currency is an argument), never by the caller, since no
 * public catalog field depends on who asks. Only queries all of whose root fields are public catalog
 * fields (`PUBLIC_ROOT_FIELDS`) are looked up or stored; results with errors never are.
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

/** `(document, operationName) => true` when the operation is a query of public catalog fields only (memoised). */
export function publicCatalogQueries(): (
  document: DocumentNode,
  operationName: string | null | undefined,
) => boolean {
  const known = new WeakMap<DocumentNode, Map<string, boolean>>();
  return (document, operationName) => {
    let byName = known.get(document);
    if (!byName) {
      byName = new Map();
      known.set(document, byName);
    }
    const name = operationName ?? '';
    let answer = byName.get(name);
    if (answer === undefined) {
      answer = isPublicCatalogQuery(document, operationName);
      byName.set(name, answer);
    }
    return answer;
  };
}

/** True when the operation to run is a query whose root fields (through fragments) are all public. */
export function isPublicCatalogQuery(document: DocumentNode, operationName?: string | null): boolean {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== 'query') return false;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const allPublic = (set: SelectionSetNode, spread: ReadonlySet<string>): boolean =>
    set.selections.every((selection) => {
      if (selection.kind === Kind.FIELD) return PUBLIC_ROOT_FIELDS.has(selection.name.value);
      if (selection.kind === Kind.INLINE_FRAGMENT) return allPublic(selection.selectionSet, spread);
      const name = selection.name.value;
      const fragment = fragments.get(name);
      // Validation refuses unknown and cyclic spreads; should one get here, it is not cached.
      return (
        fragment !== undefined &&
        !spread.has(name) &&
        allPublic(fragment.selectionSet, new Set([...spread, name]))
      );
    });
  return allPublic(operation.selectionSet, new Set());
}

/** A whole /graphql answer of one public catalog query, as it was sent. */
interface CachedAnswer {
  bytes: Buffer;
  type: string;
  /** Rate-limit units the operation costs (its measured cost), charged again on every hit. */
  units: number;
}

/** What the guard and the cache plugin note on the Koa request for `catalogAnswers`. */
export interface AnswerNotes {
  /** Operations executed for the request (a batch has several). */
  graphqlOperations?: number;
  /** Rate-limit units of the last operation. */
  graphqlUnits?: number;
  /** Set when the operation was a public catalog query. */
  graphqlPublic?: boolean;
}

/** Where an answer is remembered: its key, and the cache generation the request was looked up in. */
interface AnswerEntry {
  key: string;
  since: number;
}

/**
 * Whole answers of public catalog queries, in front of Yoga: the same request (URL, `Accept` and JSON
 * body, byte for byte) gets the bytes of the first answer without parsing, validation or execution.
 * Parse, validation and the depth/alias/cost limits are functions of the request alone, so the first
 * answer's verdict holds for the same bytes; the key and the rate limit are not, so `admit` checks the
 * key and charges the operation's units on every hit (a refusal is left to the full path, which
 * answers it as usual). Only a single JSON POST is kept (never a batch), only when one operation ran
 * and it was a public catalog query answered 200 without `errors`.
 */
export function catalogAnswers(
  results: CatalogResults,
  admit: (ctx: KoaContext, units: number) => Promise<boolean>,
) {
  return {
    /** Answers the request from the cache (served), or gives the entry to remember its answer under. */
    async serve(
      ctx: KoaContext,
      body: Buffer | undefined,
    ): Promise<{ served: boolean; entry?: AnswerEntry }> {
      if (ctx.method !== 'POST' || !body || !ctx.is('application/json')) return { served: false };
      const text = body.toString('utf8');
      if (!text.trimStart().startsWith('{')) return { served: false };
      const since = results.since();
      const key = `answer:${since}:${ctx.url}\n${ctx.get('accept')}\n${text}`;
      const answer = (await results.get(key)) as CachedAnswer | undefined;
      if (!answer || !(await admit(ctx, answer.units))) return { served: false, entry: { key, since } };
      ctx.status = 200;
      ctx.type = answer.type;
      ctx.body = answer.bytes;
      return { served: true };
    },
    /** Keeps the answer the full path gave, when it may be kept (see above). */
    remember(ctx: KoaContext, { key, since }: AnswerEntry, bytes: Buffer): void {
      const notes = ctx.state as AnswerNotes;
      if (ctx.status !== 200 || notes.graphqlOperations !== 1 || !notes.graphqlPublic) return;
      if (notes.graphqlUnits === undefined) return;
      // `"errors":` with its quotes unescaped is a JSON key: an answer with errors, or data with such a
      // key in a JSON scalar (not kept either, which is only a lost hit).
      if (bytes.includes('"errors":')) return;
      const type = ctx.response.get('content-type');
      results.put(key, { bytes, type, units: notes.graphqlUnits }, since);
    },
  };
}
