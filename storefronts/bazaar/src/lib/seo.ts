import 'server-only';
import { createSeoRoutes } from '@souk/storefront-kit/server';
import { store } from './store';

/** Bazaar's sitemap (with the seller pages) and robots.txt (see `createSeoRoutes`). */
export const seo = createSeoRoutes(store, async () =>
  (await store.getSellerOptions()).map((s) => `/sellers/${s.handle}`),
);
