/**
 * `npm start`: the Souk API on the embedded demo database, then the two storefront themes on it
 * (Bazaar and Atelier). Prints every URL; Ctrl-C or SIGTERM stops all. If one process dies, the
 * others are stopped too. Every port is checked free before anything starts.
 *
 * - `PORT` (default 4000) and the API's other variables (README) configure the API as usual.
 * - `STOREFRONT_PORT` (default 3000) is Bazaar's port, `ATELIER_PORT` (default 3001) Atelier's.
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
  themeDir,
} from '../storefronts/bazaar/tools/stack.js';
import { ensureAuthEmulator } from './auth-emulator.js';

parseCli({
  name: 'start',
  command: 'npm start --',
  description:
    'Starts the Souk API on the embedded demo database (or DATABASE_URL), then the Bazaar and Atelier\n' +
    'storefronts on it, and prints every URL. Ctrl-C stops all; if one exits, the others are stopped too.',
  options: {},
  environment: {
    PORT: "Port of the API (default 4000); the API's other variables (README) apply too.",
    STOREFRONT_PORT: 'Port of Bazaar (default 3000).',
    ATELIER_PORT: 'Port of Atelier (default 3001).',
    STOREFRONT_MODE: 'production: `next build` once, then `next start`; default `next dev`.',
    SOUK_AUTH_EMULATOR:
      'auto (default): start the cached Firebase Auth emulator, or say how to install it; install: install it first; off.',
  },
});

const apiPort = Number(process.env.PORT || 4000);
const webPort = Number(process.env.STOREFRONT_PORT || 3000);
const atelierPort = Number(process.env.ATELIER_PORT || 3001);
/** The themes `npm start` serves: name, port, and the variable that sets the port. */
const themes = [
  { name: 'bazaar', title: 'Bazaar', port: webPort, variable: 'STOREFRONT_PORT' },
  { name: 'atelier', title: 'Atelier', port: atelierPort, variable: 'ATELIER_PORT' },
] as const;
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
    process.stdout.write(`\nStopping the storefronts and the API (${signal})…\n`);
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
  const ports = [apiPort, ...themes.map((t) => t.port)];
  if (new Set(ports).size !== ports.length) {
    throw new Error(`PORT, STOREFRONT_PORT and ATELIER_PORT must differ (they are ${ports.join(', ')})`);
  }
  // Checked first: with a port taken, the API or `next` would fail (or move) after a long start-up.
  await assertPortFree(apiPort, 'PORT, the API');
  for (const t of themes) await assertPortFree(t.port, `${t.variable}, ${t.title}`);
  // The API serves the bundled spec from spec/dist, which `npm run generate` writes.
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/generate.ts'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  stopAuthEmulator = await ensureAuthEmulator(repoRoot, (line) => process.stdout.write(`${line}\n`));
  const api = await startApi({ port: apiPort });
  watch(api.child);
  const urls: string[] = [];
  for (const t of themes) {
    // SITE_URL is per theme (canonical URLs): each gets its own origin.
    const env = storefrontEnv(api.url, t.port, { SITE_URL: `http://localhost:${t.port}` });
    if (mode === 'start') {
      process.stdout.write(`Building ${t.title} (next build)…\n`);
      await buildStorefront(env, undefined, themeDir(t.name));
    }
    const web = await startStorefront(mode, t.port, env, undefined, themeDir(t.name), t.name);
    watch(web.child);
    urls.push(`  ${`${t.title}:`.padEnd(12)}${web.url}`);
  }
  process.stdout.write(
    `\nSouk is up (storefronts: next ${mode === 'dev' ? 'dev' : 'start'})\n` +
      `${urls.join('\n')}\n` +
      `  API:        ${api.url}  (docs: ${api.url}/docs)\n` +
      'Press Ctrl-C to stop everything.\n\n',
  );
}

/**
 * The first port above `taken` that is free and none of the stack's own, to suggest in place of a
 * busy one: `taken + 1` is often the next theme's default (3000 → Atelier's 3001).
 */
async function freePortAbove(taken: number): Promise<number | undefined> {
  const own = new Set([apiPort, ...themes.map((t) => t.port)]);
  for (let port = taken + 1; port <= Math.min(taken + 100, 65535); port++) {
    if (own.has(port)) continue;
    try {
      await assertPortFree(port, 'suggestion');
      return port;
    } catch {}
  }
  return undefined;
}

main().catch(async (err) => {
  process.stderr.write(`npm start failed: ${err instanceof Error ? err.message : String(err)}\n`);
  if (err instanceof PortInUseError) {
    const variable =
      err.port === apiPort ? 'PORT' : (themes.find((t) => t.port === err.port)?.variable ?? 'PORT');
    const free = await freePortAbove(err.port);
    process.stderr.write(
      free === undefined
        ? `Stop that process, or set ${variable} to a free port.\n`
        : `Stop that process, or pick another port, e.g. ${variable}=${free} npm start\n`,
    );
  }
  void stopAll(1);
});
