import { describe, expect, it } from 'vitest';
import { postWebhook } from '../src/deliver.js';

const base = {
  body: '{}',
  headers: {},
  timeoutMs: 1_000,
  lookup: () => {
    throw new Error('lookup must not be called for an early exit');
  },
};

describe('postWebhook early exits', () => {
  // Each early exit must resolve with a failed attempt (so the worker records it and retries or
  // disables), never throw: a throw left the delivery pending forever.
  it('resolves a refused IP-literal host as a failed attempt', async () => {
    const result = await postWebhook({
      ...base,
      url: 'http://127.0.0.1:9/hook',
      refuseAddress: (ip) => `Refusing to connect to the forbidden address ${ip}.`,
    });
    expect(result).toMatchObject({
      statusCode: null,
      excerpt: null,
      error: 'Refusing to connect to the forbidden address 127.0.0.1.',
    });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('resolves a URL that no longer parses as a failed attempt', async () => {
    const result = await postWebhook({ ...base, url: 'not a url', refuseAddress: () => null });
    expect(result).toMatchObject({ statusCode: null, excerpt: null, error: 'invalid URL' });
  });

  it('resolves a request that cannot be built (bad header value) as a failed attempt', async () => {
    const result = await postWebhook({
      ...base,
      url: 'http://example.test/hook',
      headers: { 'x-bad': 'a\nb' },
      refuseAddress: () => null,
    });
    expect(result.statusCode).toBeNull();
    expect(result.error).toMatch(/header/i);
  });
});
