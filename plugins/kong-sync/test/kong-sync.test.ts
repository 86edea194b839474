import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventEnv, waitFor } from '../../../api/test/support/events.js';
import { startTestApi, type TestApi } from '../../../api/test/support/test-api.js';
import { consumerOf, credentialIdOf } from '../src/index.js';

/**
 * kong-sync against an HTTP endpoint that records what it is sent and answers as Kong documents; every
 * request is then checked against Kong's own definition of those endpoints (kong-admin-api.json,
 * derived from Kong's source). Kong itself cannot run on this machine.
 */
const kong = JSON.parse(readFileSync(new URL('kong-admin-api.json', import.meta.url), 'utf8')) as {
  endpoints: Record<string, string[]>;
  enterprise_endpoints: Record<string, string[]>;
  fields: Record<string, string[]>;
};
const templates = Object.entries({ ...kong.endpoints, ...kong.enterprise_endpoints }).map(
  ([template, methods]) => ({
    template,
    methods,
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
  }),
);

interface Recorded {
  method: string;
  path: string;
  body: Record<string, unknown> | undefined;
}

describe('kong-sync plugin', () => {
  let api: TestApi;
  let server: Server;
  const seen: Recorded[] = [];
  const state = { consumers: new Set<string>(), credentials: new Map<string, string>() };

  beforeAll(async () => {
    server = createServer((req, res) => {
      let text = '';
      req.on('data', (c) => {
        text += c;
      });
      req.on('end', () => {
        const path = decodeURI(req.url ?? '');
        const body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
        seen.push({ method: req.method ?? '', path, body });
        const parts = path.split('/').filter(Boolean);
        let status = 404;
        if (req.method === 'PUT' && parts.length === 2) {
          status = state.consumers.has(parts[1] ?? '') ? 200 : 201;
          state.consumers.add(parts[1] ?? '');
        } else if (req.method === 'PUT' && parts.length === 4) {
          status = state.consumers.has(parts[1] ?? '') ? 200 : 404;
          if (status === 200) state.credentials.set(parts[3] ?? '', String(body?.key));
        } else if (req.method === 'DELETE' && parts.length === 4) {
          status = state.credentials.delete(parts[3] ?? '') ? 204 : 404;
        } else if (req.method === 'DELETE' && parts.length === 2) {
          status = state.consumers.delete(parts[1] ?? '') ? 204 : 404;
        }
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(status === 404 ? '{"message":"Not found"}' : '{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    // The plugin owns its configuration and reads it from the hosting process's environment.
    process.env.KONG_ADMIN_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    process.env.KONG_SYNC_PRIVATE_KEY = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    api = await startTestApi({
      seed: 'none',
      env: eventEnv({
        PLUGINS: 'kong-sync',
        API_KEY_SEAL_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      }),
    });
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    server?.close();
  });

  it('creates the consumer and its key-auth credential with the key shown once, and removes it on revoke', async () => {
    const created = await api.request<{ key: { id: string }; secret: string }>(
      'POST',
      '/admin/publishable-keys',
      {
        json: { name: 'storefront' },
      },
    );
    expect(created.status).toBe(201);
    const { key, secret } = created.body;
    const consumer = consumerOf({ kind: 'publishable', key_id: key.id, seller_id: null });
    const credential = credentialIdOf(key.id);
    await waitFor('credential in Kong', () => state.credentials.get(credential) === secret);
    expect(state.consumers.has(consumer)).toBe(true);
    // The outbox never held the key in the clear.
    const rows = await api.db.container.database.db.selectFrom('outbox_events').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(secret);

    const revoked = await api.request('DELETE', `/admin/keys/${key.id}`);
    expect(revoked.status).toBe(200);
    await waitFor(
      'credential and consumer removed',
      () => !state.credentials.has(credential) && !state.consumers.has(consumer),
    );
  });

  it('keeps one consumer per seller, so revoking one seller key keeps the seller’s other keys', async () => {
    const sellerId = (
      await api.request<{ id: string }>('POST', '/admin/sellers', {
        json: { handle: 'kong-sync-seller', name: 'Kong Sync Seller' },
      })
    ).body.id;
    const first = await api.request<{ key: { id: string }; secret: string }>(
      'POST',
      `/admin/sellers/${sellerId}/keys`,
      {
        json: { name: 'one' },
      },
    );
    const second = await api.request<{ key: { id: string }; secret: string }>(
      'POST',
      `/admin/sellers/${sellerId}/keys`,
      {
        json: { name: 'two' },
      },
    );
    await waitFor(
      'both seller credentials in Kong',
      () =>
        state.credentials.get(credentialIdOf(first.body.key.id)) === first.body.secret &&
        state.credentials.get(credentialIdOf(second.body.key.id)) === second.body.secret,
    );
    await api.request('DELETE', `/admin/keys/${first.body.key.id}`);
    await waitFor(
      'first seller credential removed',
      () => !state.credentials.has(credentialIdOf(first.body.key.id)),
    );
    expect(state.credentials.get(credentialIdOf(second.body.key.id))).toBe(second.body.secret);
    expect(state.consumers.has(`souk-seller-${sellerId}`)).toBe(true);
  });

  it("made only calls Kong's Admin API defines, with fields its entities have", () => {
    expect(seen.length).toBeGreaterThan(0);
    for (const call of seen) {
      const endpoint = templates.find((t) => t.pattern.test(call.path));
      expect(endpoint, `${call.method} ${call.path}`).toBeDefined();
      expect(endpoint?.methods, `${call.method} ${call.path}`).toContain(call.method);
      expect(endpoint && endpoint.template in kong.enterprise_endpoints).toBe(false); // groups are off by default
      const fields = kong.fields[endpoint?.template ?? ''];
      if (call.body) {
        expect(fields, endpoint?.template).toBeDefined();
        for (const field of Object.keys(call.body))
          expect(fields, `${call.method} ${call.path}`).toContain(field);
      }
    }
    // Credential ids are UUIDs, as Kong's `id` fields require.
    expect(credentialIdOf('key_x')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
