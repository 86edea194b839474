import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

const label = process.env.SOUK_TEST_LABEL ?? (process.env.DATABASE_URL ? 'postgres' : 'pglite');

/** End-to-end journeys in headless Chromium against a real API and a production build of the theme. */
export default defineConfig({
  // The SDK's sources, as for the theme itself (tsconfig paths); the package exports its compiled dist/.
  resolve: { alias: { '@souk/sdk': join(import.meta.dirname, '../../../sdk/src/index.ts') } },
  test: {
    root: import.meta.dirname,
    include: ['**/*.e2e.ts'],
    globalSetup: ['./setup.ts'],
    // One browser, one API, one storefront: the journeys run one after another.
    fileParallelism: false,
    sequence: { concurrent: false },
    testTimeout: 90_000,
    hookTimeout: 60_000,
    reporters: ['verbose', 'json'],
    // The same JSON report the other suites write, for scripts/test-summary.mjs.
    outputFile: {
      json: join(import.meta.dirname, '../../../.souk/test-results', `storefront-${label}.json`),
    },
  },
});
