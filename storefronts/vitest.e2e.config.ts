import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

const label = process.env.SOUK_TEST_LABEL ?? (process.env.DATABASE_URL ? 'postgres' : 'pglite');

/**
 * End-to-end journeys of every theme (`<theme>/e2e/*.e2e.ts`) in headless Chromium, against one real
 * API and one production build per theme (bazaar/e2e/setup.ts starts them).
 */
export default defineConfig({
  // The SDK's and the kit's sources, as for the themes themselves (tsconfig paths).
  resolve: {
    alias: {
      '@souk/sdk': join(import.meta.dirname, '../sdk/src/index.ts'),
      '@souk/storefront-kit': join(import.meta.dirname, 'kit/src/index.ts'),
    },
  },
  test: {
    root: import.meta.dirname,
    include: ['*/e2e/**/*.e2e.ts', 'e2e/**/*.e2e.ts'],
    // The scaffolded theme's journey runs through e2e/scaffold.e2e.ts (its folder is written by the setup,
    // after this glob; left from an earlier run it would run twice).
    exclude: ['**/node_modules/**', '.scaffolded/**'],
    globalSetup: ['./bazaar/e2e/setup.ts'],
    // One browser, one API, one server per theme: the journeys run one after another.
    fileParallelism: false,
    sequence: { concurrent: false },
    testTimeout: 90_000,
    hookTimeout: 60_000,
    reporters: ['verbose', 'json'],
    // The same JSON report the other suites write, for scripts/test-summary.mjs.
    outputFile: {
      json: join(import.meta.dirname, '../.souk/test-results', `storefront-${label}.json`),
    },
  },
});
