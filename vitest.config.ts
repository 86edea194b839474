import { defineConfig } from 'vitest/config';

/**
 * `npx vitest run <file>` from the repository root runs a file with its own package's config (the API's
 * graphql alias, global setup and timeouts), as `npm test` does with `--root`. The npm scripts do not use
 * this file; the storefront e2e and fault suites keep their own configs.
 */
export default defineConfig({
  test: { projects: ['api', 'sdk', 'storefronts/kit'] },
});
