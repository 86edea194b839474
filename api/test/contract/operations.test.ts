import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allHandlers } from '../../src/handlers.js';
import { specDocument } from '../support/spec-validator.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

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
    const handlers = allHandlers(t.container, {
      db: t.container.database.db,
      driver: t.container.database.driver,
      document: { openapi: '', info: {}, paths: {} },
      docs: { html: async () => Buffer.alloc(0), script: async () => Buffer.alloc(0) },
      isShuttingDown: () => false,
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
