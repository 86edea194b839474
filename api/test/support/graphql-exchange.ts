import { DEMO_KEYS } from '../../src/modules/auth/index.js';
import { cacheRequests } from '../../src/observability/metrics.js';
import { counted } from './metrics.js';
import type { TestApi } from './test-api.js';

/** Lookups of the GraphQL tier of the catalog cache so far (souk_cache_requests_total). */
export async function lookups(): Promise<{ hit: number; miss: number }> {
  const count = (result: string) => counted(cacheRequests, { cache: 'catalog_graphql', result });
  return { hit: await count('hit'), miss: await count('miss') };
}

/**
 * Waits until the catalog cache has seen every change committed so far (issuing a key is one): from
 * then on an answer it stores is not dropped by a change the test made before.
 */
export async function cacheCaughtUp(api: TestApi): Promise<void> {
  await api.db.container.catalogResponses.catchUp();
}

/**
 * One /graphql POST as sent and answered: status, the headers a client reads, the body's exact text,
 * the statements its request ran and what the GraphQL cache tier saw of it (for requests sent one at a
 * time: the counters are the process's).
 */
export async function exchange(
  api: TestApi,
  body: { query: string; variables?: Record<string, unknown> },
  options: { key?: string; headers?: Record<string, string> } = {},
) {
  const looked = await lookups();
  api.resetQueryCount();
  const res = await post(api, body, options);
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    remaining: Number(/;r=(\d+)/.exec(res.headers.get('ratelimit') ?? '')?.[1]),
    retryAfter: res.headers.get('retry-after'),
    text,
    json: JSON.parse(text) as {
      data?: Record<string, unknown> | null;
      errors?: { message: string; extensions?: { code?: string } }[];
    },
    statements: api.queryCount({ requestsOnly: true }),
    cache: await lookups().then((now) =>
      now.hit > looked.hit ? 'hit' : now.miss > looked.miss ? 'miss' : 'not looked up',
    ),
  };
}

/** POSTs `body` to /graphql as JSON with a storefront key (the demo one unless `key` says otherwise). */
export function post(
  api: TestApi,
  body: unknown,
  options: { key?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  return fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-request-id': api.nextRequestId(),
      'x-api-key': options.key ?? DEMO_KEYS.storefront,
      ...options.headers,
    },
    body: JSON.stringify(body),
  });
}
