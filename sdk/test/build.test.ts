import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys, startTestApi, type TestApi } from './support.js';

// The published form of the package: `npm run build -w sdk` compiles src/ to dist/ (JS + .d.ts)
// with the DOM lib and no Node types, so a Node built-in in the SDK fails the build.
const sdk = join(import.meta.dirname, '..');
const dist = join(sdk, 'dist');

let api: TestApi;
afterAll(() => api?.close());
beforeAll(async () => {
  api = await startTestApi();
  const tsc = join(sdk, '../node_modules/typescript/bin/tsc');
  await promisify(execFile)(process.execPath, [tsc, '-p', join(sdk, 'tsconfig.build.json')], { cwd: sdk });
}, 120_000);

describe('build', () => {
  it('emits JavaScript and declarations for every module', () => {
    for (const file of ['index.js', 'index.d.ts', 'client.js', 'webhooks.d.ts', 'generated/openapi.d.ts']) {
      expect(existsSync(join(dist, file)), file).toBe(true);
    }
  });

  it('uses no Node built-in and no dependency but openapi-fetch', () => {
    const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    for (const file of files) {
      const imports = [...readFileSync(join(dist, file), 'utf8').matchAll(/from '([^']+)'/g)].map(
        (m) => m[1],
      );
      for (const spec of imports)
        expect(spec?.startsWith('.') || spec === 'openapi-fetch', `${file}: ${spec}`).toBe(true);
    }
    const pkg = JSON.parse(readFileSync(join(sdk, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.dependencies)).toEqual(['openapi-fetch']);
    expect(pkg.publishConfig.exports['.']).toEqual({ types: './dist/index.d.ts', import: './dist/index.js' });
  });

  it('the built module works', async () => {
    const mod = await import(pathToFileURL(join(dist, 'index.js')).href);
    expect(Object.keys(mod).sort()).toEqual(
      expect.arrayContaining(['createSoukClient', 'SoukError', 'verifyWebhook', 'isSoukError', 'paginate']),
    );
    const header = await mod.signWebhookPayload('{}', 'whsec_x', { timestamp: 1 });
    expect(await mod.verifyWebhook('{}', header, 'whsec_x', { now: 1 })).toBe(true);
    const client = mod.createSoukClient({ baseUrl: api.url, apiKey: keys.store });
    const page = await client.store.products.list({ limit: 1 });
    expect(page.data).toHaveLength(1);
    await expect(client.store.products.get('no-such-product')).rejects.toBeInstanceOf(mod.SoukError);
  });
});
