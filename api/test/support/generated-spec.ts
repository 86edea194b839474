import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');
const bundled = join(root, 'spec/dist/openapi.json');

/** Newest modification time of any file under `dir` (the spec sources). */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/**
 * Vitest global setup: the API loads the bundled spec (spec/dist, not committed), so a suite run on its own
 * (`npm run test:api` on a fresh clone, or after editing spec/) bundles it first. Skipped when the bundle is
 * newer than every spec source, which keeps a single-file run fast.
 */
export default function setup(): void {
  if (existsSync(bundled) && statSync(bundled).mtimeMs >= newest(join(root, 'spec'))) return;
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/generate.ts'], { cwd: root, stdio: 'inherit' });
}
