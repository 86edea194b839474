import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    // Each file opens its own database (PGlite starts in seconds; a server database is created per file).
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
