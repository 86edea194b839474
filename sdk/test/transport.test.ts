import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FetchLike, SoukConnectionError, SoukError } from '../src/index.js';
import { backoffDelay, parseRetryAfter } from '../src/transport.js';
import { clientFor, keys, readyCart, startTestApi, type TestApi } from './support.js';

// The API is real; only the network in front of it is made to fail, by a fetch wrapper.
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

/** Records every request and lets a script decide, per attempt, to fail or pass it to the real API. */
function flakyFetch(
  script: (attempt: number, req: Request) => 'network' | 'pass' | 'pass-then-drop' | Response,
) {
  const seen: Request[] = [];
  const fetch: FetchLike = async (req) => {
    seen.push(req.clone());
    const step = script(seen.length, req);
    if (step === 'network') throw new TypeError('fetch failed');
    if (step instanceof Response) return step;
    const res = await globalThis.fetch(req);
    if (step === 'pass-then-drop') throw new TypeError('socket hang up'); // the API did the work; the answer was lost
    return res;
  };
  return { fetch, seen };
}

const unavailable = (retryAfter?: string) =>
  new Response(
    JSON.stringify({
      type: 'x',
      title: 'Service unavailable',
      status: 503,
      code: 'service_unavailable',
      request_id: 'r1',
    }),
    {
      status: 503,
      headers: {
        'content-type': 'application/problem+json',
        ...(retryAfter ? { 'retry-after': retryAfter } : {}),
      },
    },
  );

describe('retries', () => {
  it('retries a GET after network errors and succeeds', async () => {
    const { fetch, seen } = flakyFetch((n) => (n < 3 ? 'network' : 'pass'));
    const souk = clientFor(api, keys.store, { fetch });
    const page = await souk.store.products.list({ limit: 1 });
    expect(page.data).toHaveLength(1);
    expect(seen).toHaveLength(3);
  });

  it('honours Retry-After on 503 and 429', async () => {
    const { fetch, seen } = flakyFetch((n) =>
      n === 1
        ? unavailable('0')
        : n === 2
          ? new Response('', { status: 429, headers: { 'retry-after': '0' } })
          : 'pass',
    );
    const souk = clientFor(api, keys.store, { fetch, retryBaseDelayMs: 60_000 });
    const started = Date.now();
    await souk.store.categories.list();
    expect(seen).toHaveLength(3);
    expect(Date.now() - started).toBeLessThan(5_000); // Retry-After: 0 beat the 60 s backoff
  });

  it('retries 409 idempotency_in_progress of a keyed write, but not other conflicts', async () => {
    const inProgress = (code: string) =>
      new Response(JSON.stringify({ type: 'x', title: 'x', status: 409, code, request_id: 'r' }), {
        status: 409,
        headers: { 'content-type': 'application/problem+json' },
      });
    const flaky = flakyFetch((n) => (n === 1 ? inProgress('idempotency_in_progress') : 'pass'));
    const cart = await clientFor(api, keys.store, { fetch: flaky.fetch }).store.carts.create({
      currency: 'USD',
    });
    expect(cart.id).toMatch(/^cart_/);
    expect(flaky.seen).toHaveLength(2);
    const conflict = flakyFetch(() => inProgress('conflict'));
    const souk = clientFor(api, keys.store, { fetch: conflict.fetch });
    await expect(souk.store.carts.create({ currency: 'USD' })).rejects.toMatchObject({ code: 'conflict' });
    expect(conflict.seen).toHaveLength(1);
  });

  it('gives up after maxRetries with the last error', async () => {
    const { fetch, seen } = flakyFetch(() => unavailable('0'));
    const souk = clientFor(api, keys.store, { fetch, maxRetries: 1 });
    await expect(souk.store.products.list()).rejects.toMatchObject({
      status: 503,
      code: 'service_unavailable',
    });
    expect(seen).toHaveLength(2);
    const down = flakyFetch(() => 'network');
    const err = await clientFor(api, keys.store, { fetch: down.fetch, maxRetries: 2 })
      .store.products.list()
      .catch((e) => e);
    expect(err).toBeInstanceOf(SoukConnectionError);
    expect(down.seen).toHaveLength(3);
  });

  it('does not wait for a Retry-After longer than maxRetryDelayMs', async () => {
    const { fetch, seen } = flakyFetch(() => unavailable('3600'));
    const souk = clientFor(api, keys.store, { fetch });
    await expect(souk.store.products.list()).rejects.toBeInstanceOf(SoukError);
    expect(seen).toHaveLength(1);
  });

  it('never retries a write without Idempotency-Key (PATCH)', async () => {
    const souk = clientFor(api, keys.store);
    const cart = await souk.store.carts.create({ currency: 'USD' });
    const { fetch, seen } = flakyFetch(() => 'network');
    const flaky = clientFor(api, keys.store, { fetch });
    await expect(flaky.store.carts.update(cart.id, { email: 'a@example.com' })).rejects.toBeInstanceOf(
      SoukConnectionError,
    );
    expect(seen).toHaveLength(1);
  });

  it('retries a checkout whose answer was lost with the same key and gets the same order once', async () => {
    const souk = clientFor(api, keys.store);
    const cart = await readyCart(souk);
    const { fetch, seen } = flakyFetch((n) => (n === 1 ? 'pass-then-drop' : 'pass'));
    const flaky = clientFor(api, keys.store, { fetch });
    const order = await flaky.store.carts.checkout(cart.id, { payment_method: 'pm_card_visa' });
    expect(seen).toHaveLength(2);
    const [first, second] = seen.map((r) => r.headers.get('idempotency-key'));
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toBe(first);
    expect(await seen[1]?.text()).toBe(await seen[0]?.text());
    const orders = await clientFor(api, keys.operator).admin.orders.list({ limit: 100 });
    expect(orders.data.filter((o) => o.id === order.id)).toHaveLength(1);
  });
});

describe('timeouts and cancellation', () => {
  const hang: FetchLike = (req) =>
    new Promise((_, reject) => req.signal.addEventListener('abort', () => reject(req.signal.reason)));

  it('times out each attempt and throws SoukConnectionError { timedOut }', async () => {
    const souk = clientFor(api, keys.store, { fetch: hang, timeoutMs: 50, maxRetries: 1 });
    const err = await souk.store.products.list().catch((e) => e);
    expect(err).toBeInstanceOf(SoukConnectionError);
    expect(err).toMatchObject({ timedOut: true });
  });

  it('times out a response whose body stalls after the headers', async () => {
    const stalled: FetchLike = async (req) => {
      const body = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"data":['));
          req.signal.addEventListener('abort', () => controller.error(req.signal.reason));
        },
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const souk = clientFor(api, keys.store, { fetch: stalled, timeoutMs: 50, maxRetries: 0 });
    await expect(souk.store.products.list()).rejects.toMatchObject({
      name: 'SoukConnectionError',
      timedOut: true,
    });
  });

  it("rejects with the caller's abort reason, without retrying", async () => {
    const souk = clientFor(api, keys.store, { fetch: hang, maxRetries: 5 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user left')), 20);
    await expect(souk.store.products.list({}, { signal: controller.signal })).rejects.toThrow('user left');
  });

  it('per-call options override the client', async () => {
    const { fetch, seen } = flakyFetch(() => 'network');
    const souk = clientFor(api, keys.store, { fetch, maxRetries: 3 });
    await expect(souk.store.products.list({}, { maxRetries: 0 })).rejects.toBeInstanceOf(SoukConnectionError);
    expect(seen).toHaveLength(1);
  });
});

describe('helpers', () => {
  it('parses Retry-After seconds and dates', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
  it('keeps backoff within the capped exponential window', () => {
    for (let i = 0; i < 50; i++) {
      expect(backoffDelay(3, 100, 500)).toBeLessThanOrEqual(500);
      expect(backoffDelay(1, 100, 10_000)).toBeLessThanOrEqual(200);
    }
  });
});
