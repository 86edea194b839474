import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postWebhook, webhookDispatcher } from '../src/deliver.js';

const refusingLookup = (() => {
  throw new Error('lookup must not be called for an early exit');
}) as never;
const base = { body: '{}', headers: {}, timeoutMs: 1_000, dispatcher: webhookDispatcher(refusingLookup) };

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

describe('postWebhook against a receiver', () => {
  let server: Server;
  let origin = '';
  const connections: unknown[] = [];
  const dispatcher = webhookDispatcher(((host: string, opts: never, cb: never) =>
    import('node:dns').then((dns) => dns.lookup(host, opts, cb))) as never);
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (req.url === '/moved') res.writeHead(301, { location: 'http://10.0.0.1/' }).end();
        else if (req.url === '/slow') setTimeout(() => res.writeHead(200).end('late'), 2_000);
        else if (req.url === '/long') res.writeHead(500).end('x'.repeat(64 * 1024));
        else res.writeHead(200).end(`ok ${req.headers['content-length']}`);
      });
    });
    server.on('connection', (c) => connections.push(c));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await dispatcher.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });
  const post = (path: string, extra: Partial<Parameters<typeof postWebhook>[0]> = {}) =>
    postWebhook({ ...base, dispatcher, url: `${origin}${path}`, refuseAddress: () => null, ...extra });

  it('sends the body and keeps connections for the next deliveries', async () => {
    const results = [];
    for (let i = 0; i < 10; i++) results.push(await post('/hook', { body: `{"a":${i}}` }));
    expect(results[0]).toMatchObject({ statusCode: 200, excerpt: 'ok 7', error: null });
    expect(results.every((r) => r.error === null)).toBe(true);
    // The pool may open a second connection while the first finishes its answer; never one each.
    expect(connections.length).toBeLessThanOrEqual(2);
  });

  it('does not follow a redirect', async () => {
    expect(await post('/moved')).toMatchObject({
      statusCode: 301,
      error: 'redirect to http://10.0.0.1/ not followed',
    });
  });

  it('keeps at most 1 KiB of the answer', async () => {
    const result = await post('/long');
    expect(result).toMatchObject({ statusCode: 500, error: 'HTTP 500' });
    expect(result.excerpt).toHaveLength(1024);
  });

  it('times out as a whole', async () => {
    expect(await post('/slow', { timeoutMs: 200 })).toMatchObject({
      statusCode: null,
      error: 'timed out after 200 ms',
    });
  });

  it('refuses at connect time what the lookup refuses', async () => {
    const refusing = webhookDispatcher(((_h: string, _o: never, cb: (e: Error) => void) =>
      cb(new Error('Refusing to connect to the forbidden address 127.0.0.1.'))) as never);
    const result = await post('/hook', { dispatcher: refusing });
    await refusing.close();
    expect(result).toMatchObject({ statusCode: null, error: expect.stringMatching(/forbidden address/) });
  });
});
