import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys, startTestApi, type TestApi } from './support.js';

// The published form of the package: `npm pack` runs `prepack` (`npm run build`), which compiles src/
// to dist/ (JS + .d.ts) with the DOM lib and no Node types, so a Node built-in in the SDK fails the build.
const sdk = join(import.meta.dirname, '..');
const root = join(sdk, '..');
const dist = join(sdk, 'dist');
const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'souk-sdk-pack-'));
let tarball: string;

let api: TestApi;
afterAll(async () => {
  await api?.close();
  rmSync(scratch, { recursive: true, force: true });
});
beforeAll(async () => {
  api = await startTestApi();
  rmSync(dist, { recursive: true, force: true }); // what `npm pack` ships must come from its own build
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: sdk });
  tarball = join(scratch, JSON.parse(stdout)[0].filename);
}, 180_000);

describe('build', () => {
  it('emits JavaScript and declarations for every module', () => {
    for (const file of ['index.js', 'index.d.ts', 'client.js', 'webhooks.d.ts', 'generated/openapi.d.ts']) {
      expect(existsSync(join(dist, file)), file).toBe(true);
    }
  });

  it('uses no Node built-in and no dependency but openapi-fetch (and socket.io-client for the realtime client)', () => {
    const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    for (const file of files) {
      const imports = [...readFileSync(join(dist, file), 'utf8').matchAll(/from '([^']+)'/g)].map(
        (m) => m[1],
      );
      for (const spec of imports)
        expect(
          spec?.startsWith('.') ||
            spec === 'openapi-fetch' ||
            (file === 'realtime.js' && spec === 'socket.io-client'),
          `${file}: ${spec}`,
        ).toBe(true);
    }
    const pkg = JSON.parse(readFileSync(join(sdk, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.dependencies)).toEqual(['openapi-fetch', 'socket.io-client']);
    // npm ignores publishConfig.exports: what package.json exports is what installs.
    expect(pkg.exports['.']).toEqual({ types: './dist/index.d.ts', import: './dist/index.js' });
    expect(pkg.publishConfig?.exports).toBeUndefined();
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

  it('installs from the packed tarball and runs with plain node, types included', async () => {
    // Offline: the tarball, plus its dependencies (all of them: a fresh machine's npm cache has no
    // registry metadata to resolve a missing one) packed from this workspace's node_modules.
    const { dependencies } = JSON.parse(readFileSync(join(sdk, 'package.json'), 'utf8'));
    const tarballs = [tarball, ...(await packDependencies(Object.keys(dependencies)))];
    const app = join(scratch, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    await run('npm', ['install', '--offline', '--ignore-scripts', '--no-audit', '--no-fund', ...tarballs], {
      cwd: app,
    });
    writeFileSync(
      join(app, 'main.js'),
      `import { createSoukClient, SoukError } from '@souk/sdk';
const souk = createSoukClient({ baseUrl: process.argv[2], apiKey: 'pk_demo_storefront' });
const page = await souk.store.products.list({ limit: 2 });
const missing = await souk.store.products.get('no-such-product').catch((err) => err);
console.log(JSON.stringify({ products: page.data.length, code: missing instanceof SoukError ? missing.code : String(missing) }));
`,
    );
    // Plain node: no tsx, no loader, no condition.
    const { stdout } = await run(process.execPath, ['main.js', api.url], { cwd: app });
    expect(JSON.parse(stdout)).toEqual({ products: 2, code: 'not_found' });

    // The types resolve from the package too (dist/*.d.ts), under Node's own module resolution.
    writeFileSync(
      join(app, 'check.ts'),
      `import { createSoukClient, type Product } from '@souk/sdk';
const souk = createSoukClient({ baseUrl: 'http://localhost:4000', apiKey: 'pk_x' });
export const first: Promise<Product | undefined> = souk.store.products.list({ limit: 1 }).then((p) => p.data[0]);
// @ts-expect-error: the SDK's types know the operations' parameters
souk.store.products.list({ limit: 'ten' });
`,
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          strict: true,
          noEmit: true,
          lib: ['es2022', 'dom'],
          types: [],
        },
        files: ['check.ts'],
      }),
    );
    await run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', app], { cwd: app });
  }, 180_000);
});

/**
 * Where Node would find package `name` for code in `from`: the nearest `node_modules/<name>` walking up
 * to the workspace root (a nested copy, e.g. engine.io-client's own `ws`, wins over the hoisted one).
 */
function resolvePackageDir(name: string, from: string): string {
  for (let dir = from; dir.startsWith(root); dir = join(dir, '..')) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === root) break;
  }
  throw new Error(`${name} is not installed for ${from}`);
}

/** Packs each package (and its dependencies, recursively) as installed in the workspace's node_modules. */
async function packDependencies(names: string[], from = root, seen = new Set<string>()): Promise<string[]> {
  const out: string[] = [];
  for (const name of names) {
    const dir = resolvePackageDir(name, from);
    if (seen.has(dir)) continue;
    seen.add(dir);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const { stdout } = await run(
      'npm',
      ['pack', dir, '--json', '--ignore-scripts', '--pack-destination', scratch],
      {
        cwd: scratch,
      },
    );
    out.push(join(scratch, JSON.parse(stdout)[0].filename));
    out.push(...(await packDependencies(Object.keys(pkg.dependencies ?? {}), dir, seen)));
  }
  return out;
}
