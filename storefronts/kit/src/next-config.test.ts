import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  COMPILE_HINT,
  storefrontWebpack,
  type WebpackCompiler,
  type WebpackConfigLike,
  type WebpackContextLike,
} from './next-config';

// The webpack Next builds the themes with (its compiled copy), so the test runs the hooks a build runs.
const require = createRequire(import.meta.url);
const { webpack } = require('next/dist/compiled/webpack/webpack') as {
  webpack: WebpackContextLike['webpack'] & ((options: object) => WebpackRun);
};
interface WebpackRun {
  run(done: (err: Error | null, stats?: { hasErrors(): boolean; toString(): string }) => void): void;
}

const dir = mkdtempSync(join(tmpdir(), 'souk-next-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Stands in for Next's minifier: at its stage (optimize size) it drops every comment line. */
const stripComments = {
  apply(compiler: WebpackCompiler) {
    compiler.hooks.thisCompilation.tap('strip', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'strip', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE },
        (assets) => {
          for (const [file, source] of Object.entries(assets)) {
            const text = String(source.source()).replace(/^\/\/.*\n/gm, '');
            compilation.updateAsset(file, new webpack.sources.ConcatSource(text));
          }
        },
      );
    });
  },
};

async function build(context: Omit<WebpackContextLike, 'webpack'>): Promise<Record<string, string>> {
  const out = mkdtempSync(join(dir, 'out-'));
  writeFileSync(join(dir, 'entry.js'), "import('./later.js').then((m) => m.later());\n");
  writeFileSync(join(dir, 'later.js'), 'export function later() { return 1; }\n');
  const config = storefrontWebpack(
    {
      mode: 'production',
      context: dir,
      entry: './entry.js',
      output: { path: out, filename: 'main.js', chunkFilename: '[name].chunk.js' },
      optimization: { minimize: false },
      resolve: {},
      plugins: [stripComments],
    },
    { ...context, webpack },
  );
  await new Promise<void>((resolve, reject) =>
    webpack(config).run((err, stats) =>
      err || stats?.hasErrors() ? reject(err ?? new Error(stats?.toString())) : resolve(),
    ),
  );
  return Object.fromEntries(readdirSync(out).map((file) => [file, readFileSync(join(out, file), 'utf8')]));
}

describe('storefrontWebpack', () => {
  it('maps .js imports to .ts sources', () => {
    const empty: WebpackConfigLike = { resolve: {}, plugins: [] };
    const config = storefrontWebpack(empty, { isServer: true, dev: false, webpack });
    expect(config.resolve.extensionAlias?.['.js']).toEqual(['.ts', '.tsx', '.js']);
  });

  it("puts V8's compile hint on the browser's initial chunks after minification, not on import() chunks", async () => {
    const files = await build({ isServer: false, dev: false });
    const later = Object.keys(files).find((f) => f.endsWith('.chunk.js'));
    expect(later).toBeDefined();
    expect(files['main.js']?.startsWith(COMPILE_HINT)).toBe(true);
    expect(files[later ?? '']).not.toContain(COMPILE_HINT.trim());
  });

  it('leaves server and development builds alone', async () => {
    for (const context of [
      { isServer: true, dev: false },
      { isServer: false, dev: true },
    ]) {
      const files = await build(context);
      expect(files['main.js']).toBeDefined();
      expect(files['main.js']).not.toContain(COMPILE_HINT.trim());
    }
  });
});
