import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

// The Node versions the project declares must be versions every installed package accepts, or
// `npm install` warns EBADENGINE and a package may break at run time on a version we claim to support.
const root = join(import.meta.dirname, '../../..');
const readJson = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8'));

interface LockedPackage {
  version?: string;
  engines?: { node?: string };
  os?: string[];
  cpu?: string[];
}

/** Whether npm would install this package here (platform-specific builds of other platforms are skipped). */
function installsHere(pkg: LockedPackage): boolean {
  const matches = (list: string[] | undefined, value: string) =>
    !list || (list.some((v) => !v.startsWith('!')) ? list.includes(value) : !list.includes(`!${value}`));
  return matches(pkg.os, process.platform) && matches(pkg.cpu, process.arch);
}

describe('Node versions', () => {
  const declared: string = readJson('package.json').engines.node;
  const lock: { packages: Record<string, LockedPackage> } = readJson('package-lock.json');

  it('declares supported release lines only, and the running Node is one of them', () => {
    expect(semver.validRange(declared)).not.toBeNull();
    // Node 20 is end of life but still tested here; older lines are not.
    expect(semver.intersects(declared, '<20.19')).toBe(false);
    expect(semver.satisfies(process.version, declared), `${process.version} vs ${declared}`).toBe(true);
    for (const lts of ['20.19.0', '22.13.0', '24.0.0'])
      expect(semver.satisfies(lts, declared), lts).toBe(true);
  });

  it('every locked package that installs on this platform accepts every declared Node version', () => {
    const refused = Object.entries(lock.packages)
      .filter(([path, pkg]) => path !== '' && pkg.engines?.node && installsHere(pkg))
      .filter(([, pkg]) => !semver.subset(declared, pkg.engines?.node ?? '*'))
      .map(([path, pkg]) => `${path}@${pkg.version} wants node ${pkg.engines?.node}`);
    expect(refused).toEqual([]);
  });

  it('the workspaces declare the same range as the root', () => {
    for (const workspace of ['api', 'sdk']) {
      const range = readJson(`${workspace}/package.json`).engines?.node;
      if (range) expect(semver.subset(declared, range), `${workspace}: ${range}`).toBe(true);
    }
  });
});
