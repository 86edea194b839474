import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/support/test-api.js';
import type { Problem } from '../errors.js';
import { loadSpecArtifacts } from '../spec.js';

// The spec must say what the server does: these are places where fuzzing from the spec found the
// server stricter or different than the document.
const addFormats = addFormatsModule as unknown as (ajv: object) => object;
type Param = { name: string; in: string; example?: unknown; schema: object; description?: string };
const document = loadSpecArtifacts().document as unknown as {
  components: { parameters: Record<string, Param>; schemas: Record<string, { description?: string }> };
};
const params = document.components.parameters;

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

describe('the spec describes what the server accepts', () => {
  it('gives no cursor example the server would refuse', async () => {
    const example = params.cursor?.example;
    if (example === undefined) return; // an opaque cursor has no example valid for every listing
    const res = await api.get(`/store/products?cursor=${example}`);
    expect(res.status).toBe(200);
  });

  it.each(['IdempotencyKey', 'IdempotencyKeyRequired'])(
    '%s: the schema and the server agree on every key',
    async (name) => {
      const ajv = new Ajv2020({ strict: false });
      addFormats(ajv);
      const valid = ajv.compile(params[name]?.schema ?? {});
      const samples = [
        '5f2b7c9e-8f57-4c1e-9d0a-6a1f0e2b3c4d',
        'a',
        'a b',
        'clé',
        'tab\there',
        '~!',
        'x'.repeat(255),
      ];
      for (const key of samples) {
        const res = await api.request<Problem>('POST', '/store/carts', {
          json: { currency: 'USD' },
          headers: { 'idempotency-key': key },
        });
        expect(res.status < 300, `${JSON.stringify(key)}: server ${res.status}`).toBe(valid(key));
      }
    },
  );

  it('declares 409 (in progress) and 422 (key reused) on every operation that takes an Idempotency-Key', () => {
    const doc = loadSpecArtifacts().document as unknown as {
      paths: Record<string, Record<string, { parameters?: { $ref?: string }[]; responses: object }>>;
    };
    const missing = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).flatMap(([method, op]) =>
        op.parameters?.some((p) => p.$ref?.includes('IdempotencyKey'))
          ? ['409', '422'].filter((s) => !(s in op.responses)).map((s) => `${method} ${path} ${s}`)
          : [],
      ),
    );
    expect(missing).toEqual([]);
  });

  it('states the cross-field rules', () => {
    expect(params.sort?.description).toMatch(/`relevance` needs `q` \(400 `query_required`\)/);
    expect(params.sort?.description).toMatch(/need `currency` \(400 `currency_required`\)/);
    expect(document.components.schemas.WebhookReplay?.description).toMatch(/`to` must be after `from`/);
  });

  it('answers OPTIONS on a literal path that overlaps a template with its own methods', async () => {
    const res = await api.request<Problem>('OPTIONS', '/store/products/search');
    expect(res.headers.get('allow')).toBe('POST');
    const product = await api.request<Problem>('OPTIONS', '/store/products/some-handle');
    expect(product.headers.get('allow')).toBe('GET, HEAD');
  });
});
