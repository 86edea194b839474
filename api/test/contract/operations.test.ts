import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/schema.js';
import { allHandlers } from '../../src/http/handlers.js';
import { createCatalogService } from '../../src/modules/catalog/index.js';
import { specDocument } from '../support/spec-validator.js';

type Json = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

const operations = Object.entries(specDocument.paths as Json).flatMap(([path, item]) =>
  Object.entries(item as Json)
    .filter(([method]) => METHODS.includes(method))
    .map(([method, op]) => ({ path, method, op: op as Json })),
);

const deref = (node: unknown): Json => {
  const ref = (node as Json).$ref;
  if (typeof ref !== 'string') return node as Json;
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((n, key) => (n as Json)[key], specDocument) as Json;
};

describe('the spec and the handlers', () => {
  it('have exactly the same operationIds: no operation without a handler, no handler without an operation', () => {
    const handlers = allHandlers({
      system: {
        db: {} as Kysely<Database>,
        driver: 'pglite',
        document: { openapi: '', info: {}, paths: {} },
        docsHtml: '',
        isShuttingDown: () => false,
      },
      catalog: createCatalogService({ db: {} as Kysely<Database>, defaultCurrency: 'USD' }),
    });
    const specIds = operations.map((o) => o.op.operationId).sort();
    expect(Object.keys(handlers).sort()).toEqual(specIds);
    expect(new Set(specIds).size).toBe(specIds.length);
  });

  it.each(operations.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o.op] as const))(
    '%s has an operationId, a summary, examples and Problem error responses',
    (_name, op) => {
      expect(op.operationId).toMatch(/^[a-z][A-Za-z]+$/);
      expect(op.summary).toBeTruthy();
      const responses = Object.entries(op.responses as Json);
      expect(responses.some(([status]) => status.startsWith('4'))).toBe(true);
      for (const [status, raw] of responses) {
        const response = deref(raw);
        const content = (response.content ?? {}) as Record<string, Json>;
        for (const [media, body] of Object.entries(content)) {
          expect(body.examples ?? body.example, `${status} ${media} example`).toBeTruthy();
          if (Number(status) >= 400) {
            expect(media).toBe('application/problem+json');
            expect((body.schema as Json).$ref).toBe('#/components/schemas/Problem');
          }
        }
      }
    },
  );
});
