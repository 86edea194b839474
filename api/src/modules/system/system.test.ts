import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { specDocument } from '../../../test/support/spec-validator.js';
import { startTestApi, type TestApi } from '../../../test/support/test-api.js';
import { testDriver } from '../../../test/support/test-db.js';
import type { Problem } from '../../errors.js';
import type { components } from '../../generated/openapi.js';
import { type SystemDeps, systemHandlers } from './system.handlers.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ seed: 'none' });
});
afterAll(() => api?.close());

describe('system endpoints', () => {
  it('GET /health answers without touching the database', async () => {
    api.resetQueryCount();
    const res = await api.get<components['schemas']['Health']>('/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(api.queryCount()).toBe(0);
  });

  it('GET /ready reports the database reachable and migrated', async () => {
    const res = await api.get<components['schemas']['Readiness']>('/ready');
    expect(res.status).toBe(200);
    expect(res.body.database).toEqual({
      reachable: true,
      migrated: true,
      driver: testDriver,
      pending_migrations: [],
    });
  });

  it('GET /openapi.json serves the bundled document', async () => {
    const res = await api.get('/openapi.json');
    expect(res.body).toEqual(specDocument);
    expect(
      JSON.parse(readFileSync(new URL('../../../../spec/dist/openapi.json', import.meta.url), 'utf8')),
    ).toEqual(res.body);
  });

  it('GET /docs serves the Redoc reference built from the spec', async () => {
    const res = await api.get<string>('/docs');
    expect(res.status).toBe(200);
    expect(res.contentType).toMatch(/^text\/html/);
    expect(res.body).toContain('Souk Commerce API');
    expect(res.body).toContain('listStoreProducts');
  });

  it('GET /docs works offline: every script it loads comes from this server', async () => {
    const page = (await api.get<string>('/docs')).body;
    const loads = [
      ...[...page.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]),
      ...[...page.matchAll(/<link\b[^>]*\bhref="([^"]+)"/g)].map((m) => m[1]),
      ...[...page.matchAll(/\bimport\b[^"'`;]*?\bfrom\s*["']([^"']+)["']/g)].map((m) => m[1]),
      ...[...page.matchAll(/\bimport\(\s*["']([^"']+)["']/g)].map((m) => m[1]),
    ];
    expect(loads).toContain('./docs/redoc.standalone.js');
    for (const url of loads) expect(new URL(url ?? '', `${api.url}/docs`).origin, url).toBe(api.url);
    const script = await api.get<string>('/docs/redoc.standalone.js');
    expect(script.status).toBe(200);
    expect(script.contentType).toMatch(/^text\/javascript/);
    expect(script.body).toMatch(/export\s*\{[^}]*\bhydrate\b/);
    // The page pins the bundle it was rendered for; the served bundle must be that one.
    const integrity = page.match(/integrity="(sha384-[^"]+)"/)?.[1];
    expect(integrity).toBe(`sha384-${createHash('sha384').update(script.body).digest('base64')}`);
  });
});

// Last in the file: it closes the database under the running API.
describe('readiness when the database is gone', () => {
  it('GET /ready answers 503 service_unavailable while /health stays up', async () => {
    await api.db.container.database.destroy();
    const res = await api.get<Problem>('/ready');
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('service_unavailable');
    expect((await api.get('/health')).status).toBe(200);
  });
});

describe('the API reference when it was not built', () => {
  it('answers 503 service_unavailable for the page and its script', async () => {
    const handlers = systemHandlers({
      db: api.db.container.database.db,
      driver: api.db.container.database.driver,
      document: { openapi: '', info: {}, paths: {} } as unknown as SystemDeps['document'],
      docs: { html: async () => undefined, script: async () => undefined },
      isShuttingDown: () => false,
    });
    for (const served of [handlers.getApiDocs(), handlers.getApiDocsScript()]) {
      await expect(served).rejects.toMatchObject({ code: 'service_unavailable' });
    }
  });
});
