/**
 * Part of `npm run generate`: gives every rate-limited operation of the bundled document (all but the
 * `System` and `Media` ones: api/src/http/rate-limited.ts) the `429` response and the `RateLimit` /
 * `RateLimit-Policy` headers on each of its responses, as references to the components declared once
 * in spec/openapi.yaml. The rule lives here once instead of being copied into every path file.
 */

import { isRateLimited } from '../api/src/http/rate-limited.js';

type Json = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const HEADERS: Record<string, Json> = {
  RateLimit: { $ref: '#/components/headers/RateLimit' },
  'RateLimit-Policy': { $ref: '#/components/headers/RateLimit-Policy' },
};

/** Adds the rate-limit responses and headers to the bundled document, in place; returns it. */
export function addRateLimitResponses(document: Json): Json {
  const components = document.components as { responses?: Json; headers?: Json };
  if (!components?.responses?.TooManyRequests || !components.headers?.RateLimit)
    throw new Error('spec: components TooManyRequests and RateLimit headers must be declared');
  const decorate = (response: Json) => {
    const headers = (response.headers ?? {}) as Json;
    for (const [name, ref] of Object.entries(HEADERS)) headers[name] ??= { ...ref };
    response.headers = headers;
  };
  const decorated = new Set<string>();
  for (const pathItem of Object.values(document.paths as Record<string, Json>)) {
    for (const method of METHODS) {
      const operation = pathItem[method] as (Json & { tags?: string[]; responses: Json }) | undefined;
      if (!operation || !isRateLimited(operation)) continue;
      operation.responses['429'] ??= { $ref: '#/components/responses/TooManyRequests' };
      for (const response of Object.values(operation.responses) as Json[]) {
        const ref = response.$ref;
        if (typeof ref !== 'string') decorate(response);
        else if (ref.startsWith('#/components/responses/')) decorated.add(ref.slice(23));
      }
    }
  }
  // Shared responses (BadRequest, NotFound, …) are decorated once where they are defined.
  for (const name of decorated) decorate(components.responses[name] as Json);
  return document;
}
