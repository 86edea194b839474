import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SELLER_1 } from '../support/seller-catalog.js';
import type { TestApi } from '../support/test-api.js';

const root = join(import.meta.dirname, '../../..');

/** Runs `scripts/services <verb> kafka` (the same script CI uses to start the broker). */
export async function kafkaService(verb: 'up' | 'down'): Promise<void> {
  await promisify(execFile)('bash', [join(root, 'scripts/services'), verb, 'kafka'], { timeout: 120_000 });
}

/** Runs `scripts/services <verb> mongo` (FerretDB, as CI starts it). */
export async function mongoService(verb: 'up' | 'down'): Promise<void> {
  await promisify(execFile)('bash', [join(root, 'scripts/services'), verb, 'mongo'], { timeout: 600_000 });
}

/** Runs `scripts/services <verb> postgres` (the PostgreSQL cluster every test database lives in). */
export async function postgresService(verb: 'up' | 'down'): Promise<void> {
  await promisify(execFile)('bash', [join(root, 'scripts/services'), verb, 'postgres'], { timeout: 120_000 });
}

/** Starts `npm run plugins` (the CLI, as its own process) against the test database and topic. */
export function startPluginProcess(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'api/src/plugins/cli.ts')], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr?.on('data', (d: Buffer) => process.stderr.write(`[plugins] ${d}`));
  return child;
}

/** Resolves when the child exited. */
export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
  });
}

/** Registers a seller-1 endpoint for every event type; returns its id. */
export async function registerEverything(api: TestApi, url: string): Promise<string> {
  const res = await api.request<{ endpoint: { id: string } }>('POST', '/seller/webhook-endpoints', {
    json: { url, event_types: ['*'] },
    key: SELLER_1,
  });
  if (res.status !== 201) throw new Error(`register: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.endpoint.id;
}
