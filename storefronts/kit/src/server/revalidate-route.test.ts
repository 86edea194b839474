import { describe, expect, it } from 'vitest';
// The sender's own signing code: a change of format on either side fails here.
import { signatureHeader } from '../../../../plugins/webhooks/src/signature';
import { createRevalidateRoute, webhookSecrets } from './revalidate-route';

const NOW = 1_790_000_000;
const event = (theme: string, type = 'content.published') =>
  JSON.stringify({ id: 'evt_1', type, version: 1, data: { theme, kind: 'home', key: 'main' } });

function post(body: string, signature: string | null) {
  return new Request('http://shop.example/webhooks/souk', {
    method: 'POST',
    body,
    headers: signature ? { 'souk-signature': signature, 'content-type': 'application/json' } : {},
  });
}

function route(secrets: string[]) {
  const calls: number[] = [];
  const handler = createRevalidateRoute({
    themeId: 'atelier',
    secrets,
    revalidate: () => calls.push(1),
    now: () => NOW * 1000,
  });
  return { handler, calls };
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
    expect(calls).toHaveLength(1);
  });

  it('acknowledges and ignores other themes and other events', async () => {
    const { handler, calls } = route(['s1']);
    for (const body of [event('bazaar'), event('atelier', 'product.updated')]) {
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
    expect(calls).toHaveLength(1);
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
