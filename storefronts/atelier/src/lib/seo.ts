import 'server-only';
import { createSeoRoutes } from '@souk/storefront-kit/server';
import { store } from './store';

/** Atelier's sitemap and robots.txt (see `createSeoRoutes`). */
export const seo = createSeoRoutes(store);
