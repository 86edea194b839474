import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { scaffoldTheme } from '../../../scripts/theme-scaffold';

const repo = join(import.meta.dirname, '..', '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'souk-theme-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * `npm run theme:new` writes a theme from storefronts/kit/template; nothing else compiles that
 * template, so a kit change that breaks it would only show when someone scaffolds. This scaffolds one
 * into a temporary copy of the repository's layout (the SDK, the kit, the shared and Bazaar's e2e helpers and
 * node_modules linked in, so the template's tsconfig paths resolve as in storefronts/<name>) and
 * typechecks it with the theme's own tsconfig, in seconds. Its `next build` and smoke journey run in
 * the storefronts' e2e (storefronts/e2e/scaffolded.ts).
 */
describe('theme scaffold', () => {
  it('writes a theme that typechecks against the current kit and SDK', async () => {
    mkdirSync(join(tmp, 'storefronts'));
    for (const path of [
      'node_modules',
      'sdk',
      'scripts',
      'storefronts/kit',
      'storefronts/bazaar',
      'storefronts/e2e',
    ])
      symlinkSync(join(repo, path), join(tmp, path), 'dir');
    const target = join(tmp, 'storefronts', 'scaffolded');
    const written = scaffoldTheme('scaffolded', target);
    expect(written).toEqual(
      expect.arrayContaining(['.gitignore', 'package.json', 'src/app/page.tsx', 'e2e/smoke.e2e.ts']),
    );
    expect(written.some((f) => f.endsWith('.tpl'))).toBe(false);
    const pkg = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8')) as { name: string };
    expect(pkg.name).toBe('@souk/storefront-scaffolded');
    expect(readFileSync(join(target, 'src/app/layout.tsx'), 'utf8')).not.toMatch(/__THEME__|__TITLE__/);

    const tsc = join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
    const output = await promisify(execFile)(
      process.execPath,
      [tsc, '--noEmit', '--incremental', 'false', '--listFiles', '-p', target],
      { maxBuffer: 64 * 1024 * 1024 },
    ).then(
      ({ stdout }) => stdout,
      (err: { stdout?: string }) => err.stdout ?? String(err),
    );
    // The theme's own files were checked (not an empty include), and tsc printed no error.
    expect(output).toContain('scaffolded/src/app/page.tsx');
    expect(output.split('\n').filter((line) => line.includes('error TS'))).toEqual([]);
  }, 180_000);
});
