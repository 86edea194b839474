import { createImageRoute } from '@souk/storefront-kit/server';
import { store } from '@/lib/store';

/**
 * Catalog images Souk does not serve (the demo's placeholder URLs, a seller's own host) go through this
 * proxy: the real picture when its host answers, a tidy placeholder when it does not (see the kit).
 */
export const GET = createImageRoute(store.config);
