import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buyableVariants, checkout, readyCart } from '../../test/support/shopping.js';
import { startTestApi, type TestApi } from '../../test/support/test-api.js';
import type { Problem } from '../errors.js';
import type { components } from '../generated/openapi.js';
import { createIdempotency } from './idempotency.js';
import { createReplaySeal } from './idempotency.seal.js';

type Schemas = components['schemas'];

let api: TestApi;
beforeAll(async () => {
  // The allow-list lets a webhook endpoint on a test host be registered without DNS.
  api = await startTestApi({ env: { WEBHOOK_ALLOWED_HOSTS: 'hooks.example.test' } });
});
afterAll(() => api?.close());
const db = () => api.db.container.database.db;

/** The stored replay record of a key, as text: what anyone reading the table sees. */
async function storedRecord(key: string): Promise<string> {
  const row = await sql<{ record: string }>`
    SELECT row_to_json(k)::text AS record FROM idempotency_keys k WHERE k.key = ${key}
  `.execute(db());
  const record = row.rows[0]?.record;
  if (!record) throw new Error(`no idempotency record for ${key}`);
  return record;
}

describe('secrets shown once, in idempotency replay records', () => {
  it('are sealed at rest and replayed whole: an order access token', async () => {
    const variant = buyableVariants('atlas-outfitters', 3)[0];
    if (!variant) throw new Error('demo data has no buyable variants');
    const cart = await readyCart(api, [{ variantId: variant.id, quantity: 1 }]);
    const key = `secret-checkout-${cart.id}`;
    const first = await checkout(api, cart.id, { key });
    expect(first.status).toBe(201);
    const token = first.body.access_token;
    expect(token).toMatch(/^ot_/);
    const record = await storedRecord(key);
    expect(record).not.toContain(token);
    expect(record).not.toContain(first.body.id); // the whole response is sealed, not just the secret
    expect(record).toMatch(/"sealed": ?"v1\./);

    const again = await checkout(api, cart.id, { key });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.access_token).toBe(token);
  });

  it('are sealed at rest and replayed whole: a new API key and a webhook signing secret', async () => {
    const keyHeaders = { 'idempotency-key': 'secret-pk-1' };
    const created = await api.request<Schemas['ApiKeyCreated']>('POST', '/admin/publishable-keys', {
      json: { name: 'Sealed' },
      headers: keyHeaders,
    });
    expect(created.status).toBe(201);
    expect(created.body.secret.length).toBeGreaterThan(20);
    expect(await storedRecord('secret-pk-1')).not.toContain(created.body.secret);
    const keyAgain = await api.request<Schemas['ApiKeyCreated']>('POST', '/admin/publishable-keys', {
      json: { name: 'Sealed' },
      headers: keyHeaders,
    });
    expect(keyAgain.headers.get('idempotent-replayed')).toBe('true');
    expect(keyAgain.body.secret).toBe(created.body.secret);

    const hookHeaders = { 'idempotency-key': 'secret-wh-1' };
    const json = { url: 'https://hooks.example.test/sealed', event_types: ['*'] };
    type WithSecret = { endpoint: { id: string }; secret: string };
    const hook = await api.request<WithSecret>('POST', '/admin/webhook-endpoints', {
      json,
      headers: hookHeaders,
    });
    expect(hook.status).toBe(201);
    expect(hook.body.secret.length).toBeGreaterThan(20);
    expect(await storedRecord('secret-wh-1')).not.toContain(hook.body.secret);
    const hookAgain = await api.request<WithSecret>('POST', '/admin/webhook-endpoints', {
      json,
      headers: hookHeaders,
    });
    expect(hookAgain.body.secret).toBe(hook.body.secret);
    await api.request('DELETE', `/admin/webhook-endpoints/${hook.body.endpoint.id}`);
  });

  it('cannot be read with another key: the replay answers 409 instead of running the write again', async () => {
    const request = {
      operationId: 'probe',
      method: 'POST',
      path: '/probe',
      body: { n: 1 },
      headers: { 'idempotency-key': 'sealed-elsewhere' },
      principal: { kind: 'operator', keyId: 'key_probe' } as const,
    };
    let runs = 0;
    const before = createIdempotency({ db: db(), seal: createReplaySeal(randomBytes(32)) });
    await before.run(request, 201, async () => ({ secret: `s-${++runs}` }));
    const after = createIdempotency({ db: db(), seal: createReplaySeal(randomBytes(32)) });
    await expect(after.run(request, 201, async () => ({ secret: `s-${++runs}` }))).rejects.toMatchObject({
      code: 'conflict',
    } satisfies Partial<Problem>);
    expect(runs).toBe(1);
  });
});
