// Property-based fuzzing of the live API from its own OpenAPI document (Schemathesis, from PyPI).
//
//   npm run test:fuzz [-- --budget SECONDS]      default budget 240 s, split over the four kinds of key
//
// Starts the API on a free port over a fresh database (a new PostgreSQL database when DATABASE_URL is
// set, a temporary PGlite directory otherwise) seeded with the demo catalog and demo keys; creates the
// records deep paths need (a cart, an order, webhook endpoints, an extra API key) and hands their ids to
// Schemathesis; then runs it once per kind of key: none, publishable, seller secret, operator secret.
// Every response must be non-5xx and conform to the spec (status, content type, headers, body).
// Closing line for CI: "fuzz: N passed, N failed".
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { fuzzPython, schemathesisBin } from './fuzz-python.js';

const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_headers_conformance',
  'response_schema_conformance',
].join(',');
const KEYS: [label: string, key: string | null][] = [
  ['no key', null],
  ['publishable', 'pk_demo_storefront'],
  ['seller secret', 'sk_demo_seller_1'],
  // Last: the operator may suspend sellers and revoke keys.
  ['operator secret', 'sk_demo_operator'],
];

function usage(): never {
  process.stdout.write('usage: npm run test:fuzz [-- --budget SECONDS]\n');
  process.exit(0);
}

function parseArgs(argv: string[]): { budget: number } {
  let budget = 240;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') usage();
    if (arg === '--budget' && argv[i + 1] && /^\d+$/.test(argv[i + 1] ?? '')) {
      budget = Number(argv[++i]);
      continue;
    }
    process.stderr.write(`fuzz: unknown argument ${arg}\n`);
    process.exit(2);
  }
  return { budget };
}

const root = resolve(import.meta.dirname, '..');
const work = join(root, '.souk', 'fuzz');

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

/** A fresh database: a new PostgreSQL database, or a temporary PGlite directory. */
async function freshDatabase(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'souk-fuzz-'));
    return { env: { PGLITE_DIR: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `souk_fuzz_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function waitReady(base: string, api: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (api.exitCode !== null) throw new Error(`the API exited with ${api.exitCode}`);
    try {
      if ((await fetch(`${base}/ready`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the API was not ready within 120 s');
}

async function call(base: string, method: string, path: string, key: string | null, body?: unknown) {
  const headers: Record<string, string> = { 'idempotency-key': randomBytes(8).toString('hex') };
  if (key) headers['x-api-key'] = key;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(base + path, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json().catch(() => undefined)) as Record<string, never> | undefined;
  if (res.status >= 300)
    throw new Error(`fuzz set-up: ${method} ${path} -> ${res.status} ${JSON.stringify(json)}`);
  return json as Record<string, never>;
}

/** Records for the deep paths, so generated requests reach past 404 into the handlers. */
async function seedDeepPaths(base: string) {
  const seller = 'sk_demo_seller_1';
  const operator = 'sk_demo_operator';
  const storefront = 'pk_demo_storefront';
  const products = (await call(base, 'GET', '/seller/products?limit=20', seller)) as unknown as {
    data: {
      id: string;
      seller_id: string;
      status: string;
      variants: { id: string; inventory_quantity: number }[];
    }[];
  };
  const product = products.data.find(
    (p) => p.status === 'published' && p.variants.some((v) => v.inventory_quantity > 2),
  );
  if (!product) throw new Error('fuzz set-up: the demo seller has no published product in stock');
  const variant = product.variants.find((v) => v.inventory_quantity > 2) ?? product.variants[0];
  const store = (await call(base, 'GET', `/store/products/${product.id}`, storefront)) as unknown as {
    variants: { id: string; prices: { currency: string }[] }[];
  };
  const currency = store.variants.find((v) => v.id === variant?.id)?.prices[0]?.currency ?? 'USD';
  const cart = (await call(base, 'POST', '/store/carts', storefront, { currency })) as unknown as {
    id: string;
  };
  await call(base, 'POST', `/store/carts/${cart.id}/items`, storefront, {
    variant_id: variant?.id,
    quantity: 1,
  });
  const address = {
    name: 'Fuzz Buyer',
    line1: 'Heidestraße 17',
    city: 'Köln',
    postal_code: '51147',
    country: 'DE',
  };
  await call(base, 'PATCH', `/store/carts/${cart.id}`, storefront, {
    email: 'fuzz@example.com',
    shipping_address: address,
  });
  const order = (await call(base, 'POST', `/store/carts/${cart.id}/checkout`, storefront, {
    payment_method: 'pm_card_visa',
  })) as unknown as { id: string; access_token: string };
  const openCart = (await call(base, 'POST', '/store/carts', storefront, { currency })) as unknown as {
    id: string;
  };
  const withItem = (await call(base, 'POST', `/store/carts/${openCart.id}/items`, storefront, {
    variant_id: variant?.id,
    quantity: 1,
  })) as unknown as { items: { id: string }[] };
  const sellerOrders = (await call(base, 'GET', '/seller/orders?limit=1', seller)) as unknown as {
    data: { id: string }[];
  };
  const hook = { url: 'https://hooks.example.test/fuzz', event_types: ['*'] };
  const sellerHook = (await call(base, 'POST', '/seller/webhook-endpoints', seller, hook)) as unknown as {
    endpoint: { id: string };
  };
  const adminHook = (await call(base, 'POST', '/admin/webhook-endpoints', operator, hook)) as unknown as {
    endpoint: { id: string };
  };
  const key = (await call(base, 'POST', `/admin/sellers/${product.seller_id}/keys`, operator, {
    name: 'fuzz',
  })) as unknown as { key: { id: string } } & { id?: string };
  return {
    global: {
      cartId: openCart.id,
      itemId: withItem.items[0]?.id ?? '',
      productId: product.id,
      variantId: variant?.id ?? '',
      idOrHandle: product.id,
      orderId: order.id,
      'header.X-Order-Token': order.access_token,
      sellerOrderId: sellerOrders.data[0]?.id ?? '',
      sellerId: product.seller_id,
      keyId: key.key?.id ?? key.id ?? '',
      endpointId: sellerHook.endpoint.id,
      currency,
    },
    admin: { endpointId: adminHook.endpoint.id },
  };
}

function toml(parameters: Record<string, string>): string {
  return Object.entries(parameters)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${JSON.stringify(k)} = ${JSON.stringify(v)}`)
    .join('\n');
}

/**
 * Passed and failed test cases of one JUnit report (a test case is one operation). A `<failure>` is
 * the API breaking a check; an `<error>` is Schemathesis itself failing to generate for an operation
 * (seen: a Hypothesis introspection error), counted apart so a tool fault is visible but not reported
 * as an API defect.
 */
function junitCounts(file: string) {
  const xml = readFileSync(file, 'utf8');
  const cases = [...xml.matchAll(/<testcase\b[^>]*name="([^"]*)"[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g)];
  const failures = cases.filter((c) => /<failure\b/.test(c[3] ?? '')).map((c) => c[1] ?? '?');
  const errors = cases
    .filter((c) => !/<failure\b/.test(c[3] ?? '') && /<error\b/.test(c[3] ?? ''))
    .map((c) => c[1] ?? '?');
  return {
    passed: cases.length - failures.length - errors.length,
    failed: failures.length,
    failures,
    errors,
  };
}

async function main(): Promise<void> {
  const { budget } = parseArgs(process.argv.slice(2));
  const python = fuzzPython();
  const st = schemathesisBin(join(root, '.souk', 'fuzz-venv'), python);
  if (python.workers === 1)
    process.stdout.write(
      `fuzz: Python ${python.version} has the AST race of cpython gh-106905: one worker\n`,
    );
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const database = await freshDatabase();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const api = spawn(process.execPath, ['--import', 'tsx', join(root, 'api/src/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      ...database.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'development',
      SEED_DEMO: 'always',
      LOG_LEVEL: 'fatal',
      // No deliveries or relay traffic: the fuzzer talks to the API only.
      PLUGINS_IN_PROCESS: 'false',
      RELAY_ENABLED: 'false',
      KAFKA_BROKERS: '',
      WEBHOOK_ALLOWED_HOSTS: 'hooks.example.test',
      // The seeded catalog's variants would render in the background for the whole run, taking CPU from it.
      MEDIA_PRERENDER: 'false',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let passed = 0;
  let failed = 0;
  let toolErrors = 0;
  try {
    await waitReady(base, api);
    const ids = await seedDeepPaths(base);
    writeFileSync(
      join(work, 'schemathesis.toml'),
      `[parameters]\n${toml(ids.global)}\n\n[[operations]]\ninclude-path-regex = "^/admin/webhook-endpoints/"\n[operations.parameters]\n${toml(ids.admin)}\n`,
    );
    const perKey = Math.max(10, Math.floor(budget / KEYS.length));
    for (const [label, key] of KEYS) {
      const dir = join(work, label.replace(/\W+/g, '-'));
      const args = [
        '--config-file',
        join(work, 'schemathesis.toml'),
        'run',
        `${base}/openapi.json`,
        '--checks',
        CHECKS,
        '--mode',
        'all',
        '--phases',
        'examples,coverage,fuzzing',
        '--max-time',
        String(perKey),
        '--max-examples',
        '50',
        '--workers',
        String(python.workers),
        '--request-timeout',
        '10',
        '--generation-database',
        'none',
        '--suppress-health-check',
        'all',
        '--no-color',
        '--warnings',
        'off',
        '--report',
        'junit',
        '--report-dir',
        dir,
        ...(key ? ['-H', `X-Api-Key: ${key}`] : []),
      ];
      process.stdout.write(`\n=== fuzz with ${label} (${perKey} s)\n`);
      const code = await new Promise<number | null>((done) => {
        spawn(st, args, { cwd: work, stdio: 'inherit' }).on('exit', done);
      });
      const report = readdirSync(dir).find((f) => f.endsWith('.xml'));
      if (!report) {
        failed += 1;
        process.stdout.write(`fuzz: ${label}: no report (exit ${code})\n`);
        continue;
      }
      const counts = junitCounts(join(dir, report));
      passed += counts.passed;
      failed += counts.failed;
      toolErrors += counts.errors.length;
      // A non-zero exit without any failure or error per operation is a failure we cannot place.
      if (counts.failed === 0 && counts.errors.length === 0 && code !== 0) failed += 1;
      process.stdout.write(
        `fuzz: ${label}: ${counts.passed} operations passed, ${counts.failed} failed${counts.failures.length ? ` (${counts.failures.join(', ')})` : ''}${counts.errors.length ? `; Schemathesis could not generate for ${counts.errors.join(', ')}` : ''}\n`,
      );
    }
  } finally {
    api.kill('SIGTERM');
    await new Promise((r) => api.once('exit', r));
    await database.drop();
  }
  if (toolErrors > 0)
    process.stdout.write(`fuzz: ${toolErrors} operation runs not fuzzed (Schemathesis errors)\n`);
  process.stdout.write(`fuzz: ${passed} passed, ${failed} failed\n`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
}

main().catch((err) => {
  process.stderr.write(`fuzz: ${err instanceof Error ? err.message : String(err)}\n`);
  process.stdout.write('fuzz: 0 passed, 1 failed\n');
  process.exit(1);
});
