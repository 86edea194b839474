/**
 * The theme `npm run theme:new` writes, built and run like the committed ones: the storefronts' e2e
 * setup scaffolds it from the current template into storefronts/.scaffolded (git-ignored), builds it,
 * starts it, and scaffold.e2e.ts runs the smoke journey the scaffold wrote. One extra `next build`
 * per run (the template's theme is small), so a kit or template change that breaks a new theme's
 * build or its first journey fails the storefront tests, not the next theme author.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { scaffoldTheme } from '../../scripts/theme-scaffold.js';

/** The scaffolded theme's name (its cookies, package name and key in `themeUrls`). */
export const SCAFFOLDED_THEME = 'scaffolded';

/** Where it is written: beside the other themes (the template's tsconfig paths are relative), hidden. */
export const scaffoldedDir = join(import.meta.dirname, '..', '.scaffolded');

/**
 * Writes the theme afresh from the template, keeping an earlier `.next` build (reused only with
 * STOREFRONT_E2E_SKIP_BUILD=1).
 */
export function scaffoldForE2e(): string {
  mkdirSync(scaffoldedDir, { recursive: true });
  for (const entry of readdirSync(scaffoldedDir)) {
    if (entry !== '.next') rmSync(join(scaffoldedDir, entry), { recursive: true, force: true });
  }
  scaffoldTheme(SCAFFOLDED_THEME, scaffoldedDir);
  return scaffoldedDir;
}

/** The smoke journey the scaffold wrote, once the setup has scaffolded it. */
export const scaffoldedSmoke = join(scaffoldedDir, 'e2e', 'smoke.e2e.ts');
export const isScaffolded = () => existsSync(scaffoldedSmoke);
