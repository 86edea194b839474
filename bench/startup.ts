import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TargetCheck } from './measure.js';
import { startProductionApi, stopService } from './processes.js';

/** The embedded production start, twice on one new database directory. */
export interface EmbeddedStartup {
  /** A new directory: migrations and the demo seed with its pictures, as on a first `npm start`. */
  firstMs: number;
  /** The same directory again: what every later start costs (the target). */
  existingMs: number;
}

/**
 * Times `npm run start:prod` with nothing configured (embedded PGlite, in-process cache and bus,
 * pictures on disk), as a fresh machine runs it, until `/ready` answers: once on a new database,
 * then again on it. The environment is a short allowlist, not the bench's, so a `DATABASE_URL` or
 * `REDIS_URL` in the shell cannot turn it into another configuration; database and pictures go to a
 * temporary directory removed afterwards, never to the checkout's `.souk/`.
 */
export async function measureEmbeddedStartup(): Promise<EmbeddedStartup> {
  const dir = mkdtempSync(join(tmpdir(), 'souk-bench-embedded-'));
  try {
    const times: number[] = [];
    for (let i = 0; i < 2; i++) {
      // The first start seeds the demo catalog and renders its pictures: give it longer than a start.
      const { service, ready } = await startProductionApi(
        'api-embedded',
        {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
          PGLITE_DIR: join(dir, 'pglite'),
          MEDIA_DIR: join(dir, 'media'),
        },
        120_000,
      );
      try {
        times.push(await ready);
      } finally {
        await stopService(service);
      }
    }
    return { firstMs: times[0] ?? Number.NaN, existingMs: times[1] ?? Number.NaN };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The embedded target (≤ 5 s, on an existing database) as a PASS/MISS line. */
export function embeddedStartupCheck(startup: EmbeddedStartup): TargetCheck {
  return {
    scenario: 'start-up (npm run start:prod, embedded PGlite, existing database)',
    description: `ready in ${Math.round(startup.existingMs)} ms (target ≤ 5000 ms; a new database, seeded: ${Math.round(startup.firstMs)} ms)`,
    pass: startup.existingMs <= 5000,
  };
}
