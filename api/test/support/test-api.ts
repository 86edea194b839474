import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../src/app.js';
import { requestScope } from '../../src/lib/scope.js';
import { DEMO_KEYS } from '../../src/modules/auth/index.js';
import { seedDemoKeys } from '../../src/seed/demo-keys.js';
import { seedDemo } from '../../src/seed/seed.js';
import { loadSpecArtifacts } from '../../src/spec.js';
import { checkEvent, checkResponse } from './spec-validator.js';
import { createTestDatabase, type TestDatabase } from './test-db.js';

/** A response as the tests see it; `body` is parsed JSON for JSON media types, a Buffer for images. */
export interface TestResponse<T = unknown> {
  status: number;
  headers: Headers;
  contentType: string;
  body: T;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  /**
   * The X-Api-Key to send. Default: the demo key for the path (pk_demo_storefront on /store,
   * sk_demo_operator on /admin, sk_demo_seller_1 on /seller); `null` sends none.
   */
  key?: string | null;
  /** A value to send as JSON, or a raw string/Buffer sent as is. */
  json?: unknown;
  raw?: string | Buffer;
}

/** A real API on a real HTTP port over a database of its own, with every response checked against the spec. */
export interface TestApi {
  url: string;
  db: TestDatabase;
  /**
   * Queries run since the last `resetQueryCount()`; with `requestsOnly`, only those issued by requests
   * sent since then (not the relay's, the plugins' or the caches' background polling, nor what an
   * earlier request left running).
   */
  queryCount(options?: { requestsOnly?: boolean }): number;
  resetQueryCount(): void;
  /**
   * An `X-Request-Id` for a request sent other than through `request` (GraphQL's helper), so that its
   * statements count in the current window as `request`'s do.
   */
  nextRequestId(): string;
  request<T = unknown>(method: string, path: string, options?: RequestOptions): Promise<TestResponse<T>>;
  get<T = unknown>(path: string, options?: RequestOptions): Promise<TestResponse<T>>;
  close(): Promise<void>;
}

/**
 * Registers a test file's hooks around one test API: started (with `options`) before the file's tests,
 * closed after them. The returned object stands for that API in every test and hook of the file.
 */
export function testApiForFile(options: Parameters<typeof startTestApi>[0] = {}): TestApi {
  let started: TestApi | undefined;
  const current = () => {
    if (!started) throw new Error('The test API starts in beforeAll: use it inside a test or a hook.');
    return started;
  };
  beforeAll(async () => {
    started = await startTestApi(options);
  });
  afterAll(() => started?.close());
  return {
    get url() {
      return current().url;
    },
    get db() {
      return current().db;
    },
    queryCount: (countOptions) => current().queryCount(countOptions),
    resetQueryCount: () => current().resetQueryCount(),
    nextRequestId: () => current().nextRequestId(),
    request: <T>(method: string, path: string, requestOptions?: RequestOptions) =>
      current().request<T>(method, path, requestOptions),
    get: <T>(path: string, requestOptions?: RequestOptions) => current().get<T>(path, requestOptions),
    close: () => current().close(),
  };
}

/**
 * Starts the API in-process on port 0. Each response is validated against the OpenAPI document;
 * a mismatch throws, failing the test that made the request.
 */
export async function startTestApi(
  options: { seed?: 'demo' | 'none'; env?: Record<string, string> } = {},
): Promise<TestApi> {
  let queries = 0;
  let requestQueries = 0;
  // Requests sent through `request` carry `X-Request-Id: test-<window>-<n>`; only statements of requests
  // sent since the last reset count, not the late fire-and-forget work of an earlier request.
  let window = 0;
  let sent = 0;
  const db = await createTestDatabase({
    onQuery: () => {
      queries++;
      if (requestScope.getStore()?.requestId?.startsWith(`test-${window}-`)) requestQueries++;
    },
    ...(options.env ? { env: options.env } : {}),
  });
  const database = db.container.database.db;
  if (options.seed !== 'none') {
    await seedDemo(database, { keys: 'demo' });
  } else {
    await seedDemoKeys(database, db.container.apiKeys, []);
  }
  await db.container.start();
  const { document, docs } = loadSpecArtifacts();
  const app = await createApp(db.container, { document, docs });
  const server: Server = createServer(app.callback());
  if (db.config.REALTIME_ENABLED) db.container.realtime.attach(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const nextRequestId = () => `test-${window}-${++sent}`;
  const request = async <T>(
    method: string,
    path: string,
    opts: RequestOptions = {},
  ): Promise<TestResponse<T>> => {
    const headers: Record<string, string> = { 'x-request-id': nextRequestId(), ...opts.headers };
    const key = opts.key === undefined ? defaultKey(path) : opts.key;
    if (key !== null && key !== undefined) headers['x-api-key'] = key;
    let body: string | Buffer | undefined = opts.raw;
    if (opts.json !== undefined) {
      body = JSON.stringify(opts.json);
      headers['content-type'] ??= 'application/json';
    }
    // A copy as a plain Uint8Array: graphql-yoga's fetch types bring the DOM's BodyInit, which takes no Buffer.
    const init = body === undefined ? {} : { body: typeof body === 'string' ? body : new Uint8Array(body) };
    const res = await fetch(url + path, { method, headers, ...init });
    const contentType = res.headers.get('content-type') ?? '';
    // Images arrive as bytes; everything else as text (parsed when JSON).
    const text = contentType.startsWith('image/') ? Buffer.from(await res.arrayBuffer()) : await res.text();
    const parsed = /json/.test(contentType) && text !== '' ? JSON.parse(String(text)) : text;
    const result = { status: res.status, headers: res.headers, contentType, body: parsed as T };
    const mismatches = checkResponse(method.toLowerCase(), new URL(url + path).pathname, result);
    if (
      contentType.startsWith('application/problem+json') &&
      (parsed as { status?: number }).status !== res.status
    ) {
      mismatches.push(
        `problem status ${(parsed as { status?: number }).status} differs from HTTP ${res.status}`,
      );
    }
    if (mismatches.length > 0) {
      throw new Error(
        `${method} ${path} -> ${res.status} does not match the spec:\n  ${mismatches.join('\n  ')}`,
      );
    }
    return result;
  };

  return {
    url,
    db,
    queryCount: (options) => (options?.requestsOnly ? requestQueries : queries),
    resetQueryCount: () => {
      queries = 0;
      requestQueries = 0;
      window++;
    },
    nextRequestId,
    request,
    get: (path, opts) => request('GET', path, opts),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      try {
        await checkRecordedEvents(db);
      } finally {
        await db.drop();
      }
    },
  };
}

/** The demo key that fits a path, so tests of other things need not repeat it. */
function defaultKey(path: string): string | undefined {
  if (path.startsWith('/store/')) return DEMO_KEYS.storefront;
  if (path.startsWith('/admin/')) return DEMO_KEYS.operator;
  if (path.startsWith('/seller/')) return DEMO_KEYS.sellers[0];
  return undefined;
}

/**
 * Every event the tests caused is held to the spec: the whole outbox of the file's database is
 * validated against the `webhooks` schemas when the API closes; a mismatch fails the file.
 */
async function checkRecordedEvents(db: TestDatabase): Promise<void> {
  let rows: Awaited<ReturnType<typeof readOutbox>>;
  try {
    rows = await readOutbox(db);
  } catch {
    return; // a test closed the database on purpose (readiness tests)
  }
  const mismatches = rows.flatMap((row) =>
    checkEvent({
      id: row.id,
      type: row.type,
      version: row.version,
      occurred_at: row.occurred_at.toISOString(),
      seller_id: row.seller_id,
      actor: row.actor,
      data: row.data,
    }),
  );
  if (mismatches.length > 0)
    throw new Error(`recorded events do not match the spec:\n  ${mismatches.join('\n  ')}`);
}

function readOutbox(db: TestDatabase) {
  return db.container.database.db.selectFrom('outbox_events').selectAll().orderBy('position').execute();
}
