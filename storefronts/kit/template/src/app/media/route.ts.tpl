import { createImageRoute } from '@souk/storefront-kit/server';
import { store } from '@/lib/store';

/** Catalog images Souk does not serve: the picture, or a placeholder when its host fails. */
export const GET = createImageRoute(store.config);
