import { describe, expect, it } from 'vitest';
// The sender's own signing code: a change of format on either side fails here.
import { signatureHeader } from '../../../../plugins/webhooks/src/signature';
import { createRevalidateRoute, webhookSecrets } from './revalidate-route';

const NOW = 1_790_000_000;
const event = (theme: string, type = 'content.published') =>
  JSON.stringify({ id: 'evt_1', type, version: 1, data: { theme, kind: 'home', key: 'main' } });
const catalogEvent = (type: string, data: Record<string, unknown>) =>
  JSON.stringify({ id: 'evt_2', type, version: 1, seller_id: 'sel_1', data });

function post(body: string, signature: string | null) {
  return new Request('http://shop.example/webhooks/souk', {
    method: 'POST',
    body,
    headers: signature ? { 'souk-signature': signature, 'content-type': 'application/json' } : {},
  });
}

function route(secrets: string[], handles: Record<string, string> = {}) {
  const calls: string[] = [];
  const lookups: string[] = [];
  const handler = createRevalidateRoute({
    themeId: 'atelier',
    secrets,
    currencies: ['USD', 'EUR'],
    handleOf: async (id) => {
      lookups.push(id);
      return handles[id] ?? null;
    },
    revalidate: (path, type) => calls.push(type ? `${path} ${type}` : path),
    now: () => NOW * 1000,
  });
  const send = async (body: string) => handler(post(body, signatureHeader(body, ['s1'], NOW)));
  return { handler, calls, lookups, send };
}

describe('webhook secrets', () => {
  it('reads rotation secrets from SOUK_WEBHOOK_SECRET', () => {
    expect(webhookSecrets({ SOUK_WEBHOOK_SECRET: ' a , b,' })).toEqual(['a', 'b']);
    expect(webhookSecrets({})).toEqual([]);
  });
});

describe('revalidation route', () => {
  it('regenerates the pages on a signed content.published of its theme', async () => {
    const { handler, calls } = route(['s1']);
    const body = event('atelier');
    const res = await handler(post(body, signatureHeader(body, ['s1'], NOW)));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ revalidated: true });
    expect(calls).toEqual(['/ layout']);
  });

  it("regenerates a changed product's pages in every currency, by handle and by id, and the home pages", async () => {
    const { send, calls, lookups } = route(['s1']);
    const body = catalogEvent('product.updated', {
      product_id: 'prod_1',
      handle: 'wool coat',
      title: 'Wool coat',
      status: 'published',
      changed: ['title'],
    });
    const res = await send(body);
    expect(await res.json()).toEqual({ revalidated: true });
    expect(calls).toEqual([
      '/products/prod_1/usd',
      '/products/wool%20coat/usd',
      '/home/usd',
      '/products/prod_1/eur',
      '/products/wool%20coat/eur',
      '/home/eur',
    ]);
    expect(lookups).toEqual([]);
  });

  it("also regenerates a renamed product's old handle's pages", async () => {
    const { send, calls } = route(['s1']);
    await send(
      catalogEvent('product.updated', {
        product_id: 'prod_1',
        handle: 'wool-coat',
        previous_handle: 'coat',
        title: 'Wool coat',
        status: 'published',
        changed: ['handle'],
      }),
    );
    expect(calls).toEqual([
      '/products/prod_1/usd',
      '/products/wool-coat/usd',
      '/home/usd',
      '/products/prod_1/eur',
      '/products/wool-coat/eur',
      '/home/eur',
      '/products/coat/usd',
      '/products/coat/eur',
    ]);
  });

  it("looks up the handle of a review's or variant's product; reviews leave the home pages alone", async () => {
    const { send, calls, lookups } = route(['s1'], { prod_1: 'coat' });
    await send(catalogEvent('review.created', { product_id: 'prod_1', review_id: 'rev_1' }));
    expect(lookups).toEqual(['prod_1']);
    expect(calls).toEqual([
      '/products/prod_1/usd',
      '/products/coat/usd',
      '/products/prod_1/eur',
      '/products/coat/eur',
    ]);
    calls.length = 0;
    await send(catalogEvent('variant.updated', { product_id: 'prod_1', variant_id: 'var_1' }));
    expect(calls).toContain('/home/eur');
    calls.length = 0;
    // A product no longer published has no handle to look up: its id's pages still go.
    await send(catalogEvent('review.moderated', { product_id: 'prod_2', review_id: 'rev_2' }));
    expect(calls).toEqual(['/products/prod_2/usd', '/products/prod_2/eur']);
  });

  it('regenerates on stock only when a variant sells out or comes back', async () => {
    const { send, calls, lookups } = route(['s1'], { prod_1: 'coat' });
    const stock = (previous_quantity: number, inventory_quantity: number) =>
      catalogEvent('inventory.updated', {
        product_id: 'prod_1',
        variant_id: 'var_1',
        sku: 'COAT-1',
        previous_quantity,
        inventory_quantity,
      });
    for (const [from, to] of [
      [5, 4],
      [0, 0],
      [3, 7],
    ]) {
      const res = await send(stock(from as number, to as number));
      expect(await res.json()).toEqual({ revalidated: false });
    }
    expect(calls).toEqual([]);
    expect(lookups).toEqual([]);
    for (const [from, to] of [
      [1, 0],
      [0, 12],
    ]) {
      const res = await send(stock(from as number, to as number));
      expect(await res.json()).toEqual({ revalidated: true });
    }
    expect(calls.filter((c) => c === '/products/coat/usd')).toHaveLength(2);
    expect(calls.filter((c) => c === '/home/eur')).toHaveLength(2);
    expect(lookups).toEqual(['prod_1', 'prod_1']);
  });

  it('throws when the handle cannot be looked up (Next answers 500), so the sender retries', async () => {
    const calls: string[] = [];
    const handler = createRevalidateRoute({
      themeId: 'atelier',
      secrets: ['s1'],
      currencies: ['USD'],
      handleOf: async () => {
        throw new Error('API unreachable');
      },
      revalidate: (path) => calls.push(path),
      now: () => NOW * 1000,
    });
    const body = catalogEvent('review.created', { product_id: 'prod_1' });
    await expect(handler(post(body, signatureHeader(body, ['s1'], NOW)))).rejects.toThrow('API unreachable');
    expect(calls).toEqual([]);
  });

  it('acknowledges and ignores other themes and other events', async () => {
    const { handler, calls } = route(['s1']);
    for (const body of [event('bazaar'), catalogEvent('order.placed', { order_id: 'ord_1' })]) {
      const res = await handler(post(body, signatureHeader(body, ['s1'], NOW)));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ revalidated: false });
    }
    expect(calls).toHaveLength(0);
  });

  it('accepts either secret of a rotation', async () => {
    const { handler, calls } = route(['old', 'new']);
    const body = event('atelier');
    expect((await handler(post(body, signatureHeader(body, ['new'], NOW)))).status).toBe(200);
    expect(calls).toEqual(['/ layout']);
  });

  it('answers 401 problems to unsigned, wrongly signed or stale requests, 404 when no secret is set', async () => {
    const { handler, calls } = route(['s1']);
    const body = event('atelier');
    for (const signature of [
      null,
      'v1=abc',
      signatureHeader(body, ['other'], NOW),
      signatureHeader(`${body} `, ['s1'], NOW),
      signatureHeader(body, ['s1'], NOW - 301),
    ]) {
      const res = await handler(post(body, signature));
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect((await res.json()).code).toBe('invalid_signature');
    }
    expect(calls).toHaveLength(0);
    const off = await route([]).handler(post(body, signatureHeader(body, ['s1'], NOW)));
    expect(off.status).toBe(404);
  });

  it('answers 400 to a signed body that is not JSON', async () => {
    const res = await route(['s1']).handler(post('nope', signatureHeader('nope', ['s1'], NOW)));
    expect(res.status).toBe(400);
    expect((await res.json()).code).toBe('invalid_body');
  });
});
