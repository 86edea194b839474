import { expect } from 'vitest';
import { ERROR_CATALOG, type ErrorCode } from '../../src/errors.js';
import { DEMO_KEYS } from '../../src/modules/auth/index.js';
import type { TestApi } from './test-api.js';

/** A GraphQL error as the API answers it: a problem in `extensions`. */
export interface GraphQLProblem {
  message: string;
  path?: (string | number)[];
  extensions: {
    code: ErrorCode;
    status: number;
    title: string;
    type: string;
    request_id: string;
    errors?: unknown[];
  };
}

/** A GraphQL answer: HTTP status, headers and the JSON body. */
export interface GraphQLAnswer<T> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: GraphQLProblem[] };
}

/**
 * POSTs an operation to /graphql (with the demo storefront key unless `key` says otherwise) and checks
 * the answer the way test-api checks REST against the spec: every error carries a problem from the
 * spec's closed code union, with that code's status and title, and the request id of the response.
 */
export async function graphql<T = Record<string, unknown>>(
  api: TestApi,
  body:
    | { query?: string; variables?: Record<string, unknown>; operationName?: string; extensions?: unknown }
    | unknown[],
  options: { key?: string | null; headers?: Record<string, string> } = {},
): Promise<GraphQLAnswer<T>> {
  const key = options.key === undefined ? DEMO_KEYS.storefront : options.key;
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-request-id': api.nextRequestId(),
      accept: 'application/graphql-response+json, application/json',
      ...(key ? { 'x-api-key': key } : {}),
      ...options.headers,
    },
    body: JSON.stringify(body),
  });
  const parsed = (await res.json()) as GraphQLAnswer<T>['body'] | GraphQLAnswer<T>['body'][];
  const requestId = res.headers.get('x-request-id');
  expect(requestId).toBeTruthy();
  for (const answer of Array.isArray(parsed) ? parsed : [parsed]) {
    for (const error of answer.errors ?? []) {
      const entry = ERROR_CATALOG[error.extensions?.code];
      expect(entry, `error without a problem code: ${JSON.stringify(error)}`).toBeDefined();
      expect(error.extensions.status).toBe(entry.status);
      expect(error.extensions.title).toBe(entry.title);
      expect(error.extensions.type).toBe(`https://docs.souk.dev/problems/${error.extensions.code}`);
      expect(error.extensions.request_id).toBe(requestId);
      expect(error.extensions).not.toHaveProperty('http');
    }
  }
  return { status: res.status, headers: res.headers, body: parsed as GraphQLAnswer<T>['body'] };
}
