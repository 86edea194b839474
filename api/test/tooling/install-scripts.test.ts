import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// npm 11.16+ lists at install time every dependency whose install script nobody reviewed, and npm 12
// skips those scripts. `allowScripts` in the root package.json records the review: sharp (checks its
// prebuilt binary, builds from source where there is none) and esbuild (checks its binary) run theirs;
// @firebase/util (writes a Firebase App Hosting config only when FIREBASE_WEBAPP_CONFIG is set) and
// protobufjs (prints a version-scheme warning) are denied, since Souk needs neither.
const root = join(import.meta.dirname, '../../..');
const readJson = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8'));

/** The package name of a lockfile path (`node_modules/@scope/name`, `api/node_modules/name`). */
const packageName = (path: string) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);

describe('install scripts', () => {
  const allowScripts: Record<string, boolean> = readJson('package.json').allowScripts ?? {};
  const lock: { packages: Record<string, { version?: string; hasInstallScript?: boolean }> } =
    readJson('package-lock.json');
  const withScripts = Object.entries(lock.packages)
    .filter(([path, pkg]) => path.includes('node_modules/') && pkg.hasInstallScript)
    .map(([path, pkg]) => ({ name: packageName(path), version: pkg.version }));

  it('every locked dependency with an install script is allowed or denied in package.json', () => {
    const unreviewed = withScripts
      .filter(({ name, version }) => !(name in allowScripts) && !(`${name}@${version}` in allowScripts))
      .map(({ name, version }) => `${name}@${version}`);
    expect(unreviewed).toEqual([]);
  });

  it('names no package that no longer has an install script', () => {
    const names = new Set(withScripts.flatMap(({ name, version }) => [name, `${name}@${version}`]));
    expect(Object.keys(allowScripts).filter((key) => !names.has(key))).toEqual([]);
  });

  it('lets the media renderer build where no prebuilt binary fits', () => {
    expect(allowScripts.sharp).toBe(true);
  });
});
