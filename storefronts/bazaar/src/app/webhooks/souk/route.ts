import { storefrontRevalidateRoute } from '@souk/storefront-kit/server';
import { store } from '@/lib/store';

/**
 * Souk's webhook endpoint for this theme (`SOUK_WEBHOOK_SECRET`): a signed `content.published` of the
 * theme, or a change of a product, its variants or its reviews, regenerates the static pages it shows
 * on at once, instead of within the ISR period.
 */
export const POST = storefrontRevalidateRoute(store);
