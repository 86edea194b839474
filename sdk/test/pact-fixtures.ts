/** Pact matchers and helpers shared by the consumer tests: the shapes the SDK relies on. */
import { setTimeout as sleep } from 'node:timers/promises';
import { MatchersV3 } from '@pact-foundation/pact';
import { getFfiLib } from '@pact-foundation/pact-core';
import { createSoukClient } from '../src/index.js';
import { keys } from './support.js';

const { like, eachLike, regex, integer, string, fromProviderState } = MatchersV3;

/** A value the provider's state handler injects: `:name` stands for the state's `name` result. */
export const fromState = (template: string, example: string) =>
  fromProviderState(
    template.replace(/:(\w+)/g, (_, name: string) => `\${${name}}`),
    example,
  );

/** What a generated Idempotency-Key looks like. */
export const UUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
/** `Content-Type` of JSON success responses. */
export const json = { 'Content-Type': regex('^application/json.*', 'application/json; charset=utf-8') };
/** `Content-Type` of problem responses. */
export const problemType = {
  'Content-Type': regex('^application/problem\\+json.*', 'application/problem+json'),
};
/** A USD money amount, matched by type. */
export const money = (amount: number) => ({ amount: integer(amount), currency: string('USD') });
/**
 * `fetch` that returns once Pact's mock server has booked the request it answered. pact-ffi 0.5.4
 * (pact-core 19, the last line that runs on Node 20) books a match on a queue after it has sent the
 * response; under CPU load the check that follows a test could run first and report an answered
 * request as "expected but not received" (pact-foundation/pact-core-mock-server#13, fixed in pact-ffi
 * 0.5.6, which needs Node 22). The wait ends when the mock server reports every expected request
 * matched, or after 2 s: a request that does not match, or one that never came, still fails the test.
 */
async function bookedFetch(request: Request): Promise<Response> {
  const response = await fetch(request);
  const port = Number(new URL(request.url).port);
  const ffi = getFfiLib();
  for (const started = Date.now(); Date.now() - started < 2_000; await sleep(10)) {
    if (ffi.pactffiMockServerMatched(port)) break;
  }
  return response;
}

/** The SDK pointed at Pact's mock server, without retries. */
export const sdk = (url: string, apiKey: string = keys.store) =>
  createSoukClient({ baseUrl: url, apiKey, maxRetries: 0, fetch: bookedFetch });

/** A problem body with an exact `code` and everything else matched by type. */
export const problem = (status: number, code: string) => ({
  type: string(`https://docs.souk.dev/problems/${code}`),
  title: string('Title'),
  status: integer(status),
  code, // exact: clients branch on it
  detail: string('what happened'),
  request_id: string('req_1'),
});

/** The variant fields a storefront relies on. */
export const variant = {
  id: string('var_01J9ZC3YV4Q1XK6T7M2R8N5B0G'),
  sku: string('ATL-BOOT-42'),
  title: string('42'),
  available_quantity: integer(12),
  price: like(money(12900)),
};
/** The product fields a storefront relies on. */
export const product = {
  id: string('prod_01J9ZC3YV4Q1XK6T7M2R8N5B0E'),
  handle: string('trail-runner-boot'),
  title: string('Trail Runner Boot'),
  seller: like({ id: string('sel_1'), handle: string('atlas-outfitters'), name: string('Atlas Outfitters') }),
  variants: eachLike(variant),
};
/** The cart line fields a storefront relies on. */
export const cartLine = {
  id: string('item_01JA0B5N2W8R4K6T7M2R8N5B0A'),
  variant_id: string('var_01J9ZC3YV4Q1XK6T7M2R8N5B0G'),
  quantity: integer(1),
  unit_price: like(money(12900)),
};
