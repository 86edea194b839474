import type { NextConfig } from 'next';

const config: NextConfig = {
  // Inside this monorepo @souk/sdk is its TypeScript sources (tsconfig.json `paths`); Next compiles them
  // like the theme's own.
  transpilePackages: ['@souk/sdk'],
  poweredByHeader: false,
  reactStrictMode: true,
  // Product images come from whatever host the catalog names, so they are rendered as sized <img>
  // elements pointing at that host (see src/components/ProductImage.tsx), not through the optimizer.
  images: { unoptimized: true },
  // The repository's `npm run typecheck` checks this theme; the e2e build skips the second check.
  typescript: { ignoreBuildErrors: process.env.BAZAAR_SKIP_TYPECHECK === '1' },
  // The SDK's sources import each other as `./x.js` (Node ESM style). Turbopack has no extension alias
  // for that yet, so this theme builds with webpack (`--webpack` in package.json), which maps `.js` to `.ts`.
  webpack(webpackConfig: { resolve: { extensionAlias?: Record<string, string[]> } }) {
    webpackConfig.resolve.extensionAlias = { '.js': ['.ts', '.tsx', '.js'], '.mjs': ['.mts', '.mjs'] };
    return webpackConfig;
  },
};

export default config;
