/**
 * `npm start`: the Souk API on the embedded demo database, then the Bazaar storefront on it.
 * Prints both URLs; Ctrl-C or SIGTERM stops both. If either process dies, the other is stopped too.
 *
 * - `PORT` (default 4000) and the API's other variables (README) configure the API as usual.
 * - `STOREFRONT_PORT` (default 3000) is the storefront's port.
 * - `STOREFRONT_MODE=production` builds the storefront once (`next build`) and serves it with
 *   `next start`; the default is `next dev` (starts at once, compiles each page on its first visit).
 */
import { execFileSync } from 'node:child_process';
import { parseCli } from '../api/src/lib/cli.js';
import {
  assertPortFree,
  buildStorefront,
  type Child,
  PortInUseError,
  repoRoot,
  startApi,
  startStorefront,
  stopChild,
  storefrontEnv,
} from '../storefronts/bazaar/tools/stack.js';
import { ensureAuthEmulator } from './auth-emulator.js';

parseCli({
  name: 'start',
  command: 'npm start --',
  description:
    'Starts the Souk API on the embedded demo database (or DATABASE_URL), then the Bazaar storefront on it,\n' +
    'and prints both URLs. Ctrl-C stops both; if either exits, the other is stopped too.',
  options: {},
  environment: {
    PORT: "Port of the API (default 4000); the API's other variables (README) apply too.",
    STOREFRONT_PORT: 'Port of the storefront (default 3000).',
    STOREFRONT_MODE: 'production: `next build` once, then `next start`; default `next dev`.',
    SOUK_AUTH_EMULATOR:
      'auto (default): start the cached Firebase Auth emulator, or say how to install it; install: install it first; off.',
  },
});

const apiPort = Number(process.env.PORT || 4000);
const webPort = Number(process.env.STOREFRONT_PORT || 3000);
const mode = process.env.STOREFRONT_MODE === 'production' ? 'start' : 'dev';
const children: Child[] = [];
// The children write to pipes, not to this terminal: tell them colours are welcome when they are
// (the API's pretty logs and Next's output both follow FORCE_COLOR; NO_COLOR still wins).
if (process.stdout.isTTY && process.env.NO_COLOR === undefined) process.env.FORCE_COLOR ??= '1';
let stopping = false;
let stopAuthEmulator = () => {};

async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    for (const child of [...children].reverse()) await stopChild(child);
    stopAuthEmulator();
  }
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    process.stdout.write(`\nStopping the storefront and the API (${signal})…\n`);
    void stopAll(0);
  });
}

function watch(child: Child): void {
  children.push(child);
  child.exited.then((code) => {
    if (stopping) return;
    process.stderr.write(`${child.name} exited (code ${code}); stopping everything.\n`);
    void stopAll(code || 1);
  });
}

async function main(): Promise<void> {
  if (apiPort === webPort) throw new Error(`PORT and STOREFRONT_PORT are both ${apiPort}; give each its own`);
  // Checked first: with a port taken, the API or `next` would fail (or move) after a long start-up.
  await assertPortFree(apiPort, 'PORT, the API');
  await assertPortFree(webPort, 'STOREFRONT_PORT, the storefront');
  // The API serves the bundled spec from spec/dist, which `npm run generate` writes.
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/generate.ts'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  stopAuthEmulator = await ensureAuthEmulator(repoRoot, (line) => process.stdout.write(`${line}\n`));
  const api = await startApi({ port: apiPort });
  watch(api.child);
  const env = storefrontEnv(api.url, webPort, {
    SITE_URL: process.env.SITE_URL || `http://localhost:${webPort}`,
  });
  if (mode === 'start') {
    process.stdout.write('Building the storefront (next build)…\n');
    await buildStorefront(env);
  }
  const web = await startStorefront(mode, webPort, env);
  watch(web.child);
  process.stdout.write(
    `\nSouk is up (storefront: next ${mode === 'dev' ? 'dev' : 'start'})\n` +
      `  Storefront: ${web.url}\n` +
      `  API:        ${api.url}  (docs: ${api.url}/docs)\n` +
      'Press Ctrl-C to stop both.\n\n',
  );
}

main().catch((err) => {
  process.stderr.write(`npm start failed: ${err instanceof Error ? err.message : String(err)}\n`);
  if (err instanceof PortInUseError) {
    const variable = err.port === apiPort ? 'PORT' : 'STOREFRONT_PORT';
    process.stderr.write(
      `Stop that process, or pick another port, e.g. ${variable}=${err.port + 1} npm start\n`,
    );
  }
  void stopAll(1);
});
