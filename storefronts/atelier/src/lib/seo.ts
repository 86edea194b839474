import 'server-only';
import { createSeoRoutes } from '@souk/storefront-kit/server';
import { store } from './store';

/** Atelier's sitemap (with the makers' pages) and robots.txt (see `createSeoRoutes`). */
export const seo = createSeoRoutes(store, async () =>
  (await store.getSellerOptions()).map((s) => `/makers/${s.handle}`),
);
