import { storefrontWebpack } from '@souk/storefront-kit/next-config';
import type { NextConfig } from 'next';

const config: NextConfig = {
  // Inside this monorepo @souk/sdk and the storefront kit are TypeScript sources (tsconfig.json `paths`);
  // Next compiles them like the theme's own.
  transpilePackages: ['@souk/sdk', '@souk/storefront-kit'],
  poweredByHeader: false,
  reactStrictMode: true,
  // Souk serves resized variants of its own images (`?w=`), so the kit writes their srcset; other hosts
  // go through the theme's /media proxy (src/app/media/route.ts). Next's optimizer is not used.
  images: { unoptimized: true },
  // The repository's `npm run typecheck` checks this theme; the e2e build skips the second check.
  typescript: { ignoreBuildErrors: process.env.STOREFRONT_SKIP_TYPECHECK === '1' },
  // The SDK's sources import each other as `./x.js`, which webpack maps to `.ts`; the browser's
  // start-up chunks carry V8's compile hint (see the kit's next-config.ts).
  webpack: storefrontWebpack,
};

export default config;
