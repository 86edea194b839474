/**
 * The Firebase Auth emulator for `npm start`, so a newcomer can sign in with every provider locally.
 * firebase-tools is a ~310 MB install that compiles re2 (3–25 minutes), so it is never part of
 * `npm install`: `npm start` uses an emulator that already answers, or starts the cached one
 * (`scripts/services up firebase-auth`, ~20 s), and otherwise starts without sign-in and says how to
 * get it — it installs on its own only when asked (`SOUK_AUTH_EMULATOR=install`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const VERSION = '15.34.2'; // the version scripts/services pins
const host = '127.0.0.1:9099';
const projectId = 'demo-souk';

async function answers(at: string): Promise<boolean> {
  try {
    const res = await fetch(`http://${at}/`, { signal: AbortSignal.timeout(1000) });
    return res.ok;
  } catch {
    return false;
  }
}

const installed = () =>
  existsSync(
    join(
      process.env.SOUK_SERVICES_DIR || join(homedir(), '.cache', 'souk-services'),
      `firebase-tools-${VERSION}`,
      '.installed',
    ),
  );

/**
 * Points the API (this process's environment, which the children inherit) at an Auth emulator when one
 * is available or can be started; returns a function that stops the emulator if this call started it.
 */
export async function ensureAuthEmulator(repoRoot: string, say: (line: string) => void): Promise<() => void> {
  const mode = process.env.SOUK_AUTH_EMULATOR ?? 'auto'; // auto | install | off
  const given = process.env.FIREBASE_AUTH_EMULATOR_HOST;
  if (mode === 'off' || given) return () => {};
  if (process.env.GOOGLE_APPLICATION_CREDENTIALS) return () => {}; // a real Firebase project (README)
  const use = () => {
    process.env.FIREBASE_AUTH_EMULATOR_HOST = host;
    process.env.FIREBASE_PROJECT_ID ??= projectId;
  };
  if (await answers(host)) {
    use();
    say(`Sign-in: using the Firebase Auth emulator already running on ${host}.`);
    return () => {};
  }
  if (!installed() && mode !== 'install') {
    say(
      'Sign-in is off: the Firebase Auth emulator (firebase-tools) is not installed yet.\n' +
        '  Install and start it once with `bash scripts/services up firebase-auth` (3–25 min the first time),\n' +
        '  or run `SOUK_AUTH_EMULATOR=install npm start`. Shopping and guest checkout work without it.',
    );
    return () => {};
  }
  say(
    installed()
      ? 'Starting the Firebase Auth emulator (~20 s)…'
      : 'Installing firebase-tools for the Auth emulator (first time only, 3–25 min)…',
  );
  const services = join(repoRoot, 'scripts', 'services');
  execFileSync('bash', [services, 'up', 'firebase-auth'], { stdio: 'inherit' });
  use();
  return () => {
    try {
      execFileSync('bash', [services, 'down', 'firebase-auth'], { stdio: 'ignore' });
    } catch {
      // already gone
    }
  };
}
