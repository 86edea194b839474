import { SoukError } from './errors.js';
import type { TypedDocument } from './generated/graphql.js';
import type { FetchLike } from './transport.js';
import type { Problem } from './types.js';

export type { TypedDocument } from './generated/graphql.js';
export * as storefrontOperations from './generated/graphql.js';

/** Options of the GraphQL client. */
export interface GraphQLClientOptions {
  /** The API's base URL; the client posts to `<baseUrl>/graphql`. */
  baseUrl: string;
  /** A publishable key (`pk_…`). */
  apiKey: string;
  /**
   * Send only the operation's sha256 hash (a persisted query), not its text: what a server with
   * `GRAPHQL_PERSISTED_ONLY` accepts, and a smaller request everywhere. Default false.
   */
  persisted?: boolean;
  fetch?: FetchLike;
}

/** Per-request options. */
export interface GraphQLRequestOptions {
  /** A signed-in shopper's Firebase ID token. */
  idToken?: string;
  signal?: AbortSignal;
}

/**
 * A typed GraphQL client for the Storefront API: pass a generated document (`ProductListingDocument`
 * from `storefrontOperations`) and its variables; the result is typed by the document. An answer with
 * errors throws a `SoukError` whose `code` is the first error's problem code (`extensions.code`).
 *
 * @example
 * const gql = createGraphQLClient({ baseUrl, apiKey: 'pk_…' });
 * const { products } = await gql.request(storefrontOperations.ProductListingDocument, { first: 12 });
 */
export function createGraphQLClient(options: GraphQLClientOptions) {
  const fetchFn: FetchLike = options.fetch ?? ((request) => fetch(request));
  const url = `${options.baseUrl.replace(/\/$/, '')}/graphql`;
  return {
    async request<Result, Variables>(
      document: TypedDocument<Result, Variables>,
      variables?: Variables,
      requestOptions: GraphQLRequestOptions = {},
    ): Promise<Result> {
      const body = {
        operationName: document.operationName,
        ...(options.persisted ? {} : { query: document.query }),
        variables: variables ?? {},
        extensions: { persistedQuery: { version: 1, sha256Hash: document.sha256Hash } },
      };
      const response = await fetchFn(
        new Request(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/graphql-response+json, application/json',
            'x-api-key': options.apiKey,
            ...(requestOptions.idToken ? { authorization: `Bearer ${requestOptions.idToken}` } : {}),
          },
          body: JSON.stringify(body),
          ...(requestOptions.signal ? { signal: requestOptions.signal } : {}),
        }),
      );
      const answer = (await response.json().catch(() => ({}))) as {
        data?: Result | null;
        errors?: { message: string; extensions?: Partial<Problem> }[];
      };
      const [error] = answer.errors ?? [];
      if (error || !answer.data) {
        const extensions = error?.extensions;
        throw new SoukError({
          status: extensions?.status ?? (response.ok ? 500 : response.status),
          headers: response.headers,
          problem: extensions?.code
            ? ({ ...extensions, detail: error?.message ?? '' } as Problem)
            : undefined,
          body: answer,
        });
      }
      return answer.data;
    },
  };
}

/** The typed GraphQL client `createGraphQLClient` returns. */
export type GraphQLClient = ReturnType<typeof createGraphQLClient>;
