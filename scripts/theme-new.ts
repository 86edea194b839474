/**
 * `npm run theme:new <name>`: creates storefronts/<name>, a minimal working theme on
 * @souk/storefront-kit (home with product cards, product page with add-to-cart, cart, image proxy)
 * and its smoke journey (e2e/smoke.e2e.ts, run by `npm run test:storefront` with the other themes),
 * from the template in storefronts/kit/template. Then `npm install` links the new workspace.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseCli } from '../api/src/lib/cli.js';
import { scaffoldTheme, THEME_NAME } from './theme-scaffold.js';

const cli = parseCli({
  name: 'theme:new',
  command: 'npm run theme:new --',
  positionals: '<name>',
  description:
    'Creates storefronts/<name>: a minimal Next.js theme on @souk/storefront-kit that builds and passes a\n' +
    'smoke journey, then runs `npm install` to link it. <name>: lower case letters and digits, starting with a letter.',
  options: {},
  environment: {},
});

const root = join(import.meta.dirname, '..');
const name = cli.positionals[0];

function fail(message: string): never {
  process.stderr.write(`theme:new: ${message}\n`);
  process.exit(1);
}

if (!name) fail('give the theme a name: npm run theme:new -- <name>');
if (!THEME_NAME.test(name)) fail(`"${name}" must be lower case letters and digits, starting with a letter`);
const target = join(root, 'storefronts', name);
if (existsSync(target)) fail(`storefronts/${name} already exists`);

scaffoldTheme(name, target);
process.stdout.write(`theme:new: created storefronts/${name}; linking the workspace (npm install)…\n`);
execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
process.stdout.write(
  `\nDone. Next:\n` +
    `  cd storefronts/${name} && SOUK_API_URL=http://localhost:4000 npm run dev -- -p 3002\n` +
    `  npm run test:storefront            # its smoke journey runs with the other themes\n` +
    `  add "tsc --noEmit -p storefronts/${name}" to the root typecheck script\n` +
    `Read storefronts/README.md (the theme author guide).\n`,
);
