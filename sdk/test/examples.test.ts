import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './support.js';

// Every example of sdk/examples runs as its own process against a live API with the demo catalog,
// exactly as a reader would run it, so the examples in the docs never rot.
const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

async function example(name: string, args: string[] = [], env: Record<string, string> = {}) {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', `sdk/examples/${name}`, ...args], {
    cwd: root,
    env: { ...process.env, SOUK_API_URL: api.url, ...env },
    timeout: 60_000,
  });
  return stdout;
}

describe('sdk/examples', () => {
  it('storefront.ts walks the golden path to an order', async () => {
    const out = await example('storefront.ts');
    expect(out).toMatch(/catalog: first page has 5 products, more to come/);
    expect(out).toMatch(/cart: 2 items, total \$\d+\.\d\d/);
    expect(out).toMatch(/declined card: payment_declined \(status 402, request .+\)/);
    expect(out).toMatch(/order: ord_\w+ placed, 2 seller orders/);
    expect(out).toMatch(/order page: ord_\w+ readable with its access token/);
  });

  it('import-products.ts imports the CSV with progress, and a re-run skips what exists', async () => {
    const first = await example('import-products.ts');
    expect(first).toContain('importing 3 products');
    expect(first).toContain('[1/3] sdk-example-canvas-tote: created and published (2 variants)');
    expect(first).toContain('done: 3 created, 0 skipped, 0 failed');
    const second = await example('import-products.ts');
    expect(second).toContain('done: 0 created, 3 skipped, 0 failed');
    const res = await api.get<{ handle: string; variants: unknown[] }>(
      '/store/products/sdk-example-enamel-mug',
    );
    expect(res.body.variants).toHaveLength(2);
  });

  it('webhook-receiver.ts accepts a genuine delivery and rejects a tampered one', async () => {
    const out = await example('webhook-receiver.ts', ['--self-test']);
    expect(out).toContain('received product.published evt_example_1');
    expect(out).toContain('genuine delivery -> 204');
    expect(out).toContain('rejected delivery: no_matching_signature');
    expect(out).toContain('tampered delivery -> 400');
  });
});
