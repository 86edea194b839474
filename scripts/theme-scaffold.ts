import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Where the theme template lives (storefronts/kit/template). */
export const THEME_TEMPLATE = join(import.meta.dirname, '..', 'storefronts', 'kit', 'template');

/** A theme's name: lower case letters and digits, starting with a letter (it names cookies and the package). */
export const THEME_NAME = /^[a-z][a-z0-9]{1,30}$/;

/** Template files, relative to the template directory. */
function files(template: string, dir: string = template): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? files(template, path) : [relative(template, path)];
  });
}

/**
 * Writes a theme named `name` into `target` from the template: `.tpl` suffixes dropped, `gitignore`
 * renamed `.gitignore`, `__THEME__` and `__TITLE__` replaced. Returns the files written, relative to
 * `target`. The caller checks the name and that `target` is free.
 */
export function scaffoldTheme(name: string, target: string, template: string = THEME_TEMPLATE): string[] {
  if (!THEME_NAME.test(name)) throw new Error(`"${name}" is not a theme name`);
  const title = name.charAt(0).toUpperCase() + name.slice(1);
  return files(template).map((file) => {
    const out = file.replace(/\.tpl$/, '').replace(/^gitignore$/, '.gitignore');
    mkdirSync(dirname(join(target, out)), { recursive: true });
    const text = readFileSync(join(template, file), 'utf8')
      .replaceAll('__THEME__', name)
      .replaceAll('__TITLE__', title);
    writeFileSync(join(target, out), text);
    return out;
  });
}
