import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql ships CommonJS and ESM builds; Node (and graphql-yoga under it) loads the CommonJS one, so
  // tests must too, or schema objects from the two copies fail graphql's instanceof checks.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    // The bundled spec the API loads is generated, not committed: bundle it when missing or stale.
    globalSetup: ['./test/support/generated-spec.ts'],
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', '../plugins/*/test/**/*.test.ts'],
    // Fault tests stop and start the shared Kafka broker: they run alone (`npm run test:faults`).
    exclude: ['test/faults/**', '**/node_modules/**'],
    pool: 'forks',
    // Two files at a time even on a 2-core machine (vitest's default there is one): a file spends much of
    // its time waiting on the database server, the bus or the API it started, not on the CPU.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    minWorkers: 1,
    // Each file opens its own database (PGlite starts in seconds; a server database is created per file).
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // The JSON report feeds the one-line summary .ci/run prints (scripts/test-summary.mjs).
    reporters: ['default', 'json'],
    outputFile: {
      json: `../.souk/test-results/${process.env.SOUK_TEST_LABEL ?? (process.env.DATABASE_URL ? 'postgres' : 'pglite')}.json`,
    },
  },
});
