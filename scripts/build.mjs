#!/usr/bin/env node
// `npm run build`: compiles the API and the plugins to JavaScript (api/dist, plugins/*/dist), file by
// file with esbuild, so production runs `node`, not a TypeScript loader. Type checking is `npm run
// typecheck`'s job; this only strips types. Tests and contract suites are left out. The packages'
// `exports` point at dist/ under the `souk-dist` condition (`node --conditions=souk-dist`), at the
// TypeScript sources otherwise (development, tests, tsc).
import { readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const PACKAGES = ['api', 'plugins/kit', 'plugins/webhooks', 'plugins/inventory-alerts'];
const SKIP = /\.(test|contract)\.ts$/;

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && !SKIP.test(entry.name)
      ? [path]
      : [];
  });
}

const started = performance.now();
let files = 0;
for (const pkg of PACKAGES) {
  const src = join(root, pkg, 'src');
  const outdir = join(root, pkg, 'dist');
  rmSync(outdir, { recursive: true, force: true });
  const entryPoints = sources(src);
  files += entryPoints.length;
  await build({
    entryPoints,
    outdir,
    outbase: src,
    bundle: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
  });
  console.log(`build: ${relative(root, src)} → ${relative(root, outdir)} (${entryPoints.length} files)`);
}
console.log(`build: ${files} files in ${Math.round(performance.now() - started)} ms`);
